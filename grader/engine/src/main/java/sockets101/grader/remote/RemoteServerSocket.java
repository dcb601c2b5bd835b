package sockets101.grader.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;

/** A listening socket of the submission's JVM, as the grader's tests see it (see {@link RemoteSocket}). */
final class RemoteServerSocket extends ServerSocket implements RemoteObject {
    private final Connection connection;
    private final Values.Ref ref;

    private RemoteServerSocket(Connection connection, Values.Ref ref) throws IOException {
        this.connection = connection;
        this.ref = ref;
    }

    static RemoteServerSocket of(Connection connection, Values.Ref ref) {
        try {
            return new RemoteServerSocket(connection, ref);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Values.Ref ref() {
        return ref;
    }

    private Object op(String name, Object... args) throws IOException {
        return connection.op(ref, this, name, args);
    }

    private Object info(String key) {
        try {
            return ((Map<?, ?>) op("info")).get(key);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void bind(SocketAddress endpoint) throws IOException {
        bind(endpoint, 50);
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        op("bind", endpoint, backlog);
    }

    @Override
    public Socket accept() throws IOException {
        return (Socket) op("accept");
    }

    @Override
    public void close() throws IOException {
        try {
            op("close");
        } catch (SocketException gone) {
            // its JVM ended: closed already
        }
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        set("setSoTimeout", timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws IOException {
        Object value = info("soTimeout");
        if (value == null) {
            throw new SocketException("Socket is closed");
        }
        return (Integer) value;
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        set("setReuseAddress", on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        Object value = info("reuseAddress");
        if (value == null) {
            throw new SocketException("Socket is closed");
        }
        return (Boolean) value;
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        set("setReceiveBufferSize", size);
    }

    private void set(String name, Object... args) throws SocketException {
        try {
            op(name, args);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    @Override
    public InetAddress getInetAddress() {
        return info("local") instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public int getLocalPort() {
        return info("local") instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return (SocketAddress) info("local");
    }

    @Override
    public boolean isBound() {
        return Boolean.TRUE.equals(info("bound"));
    }

    @Override
    public boolean isClosed() {
        return !Boolean.FALSE.equals(info("closed"));
    }

    @Override
    public String toString() {
        return "ServerSocket[in the submission's JVM, #" + ref.id() + "]";
    }
}
