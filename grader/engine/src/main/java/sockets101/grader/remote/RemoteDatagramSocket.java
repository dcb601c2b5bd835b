package sockets101.grader.remote;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;

/** A UDP socket of the submission's JVM, as the grader's tests see it (see {@link RemoteSocket}). */
final class RemoteDatagramSocket extends DatagramSocket implements RemoteObject {
    private final Connection connection;
    private final Values.Ref ref;

    private RemoteDatagramSocket(Connection connection, Values.Ref ref) throws SocketException {
        super((SocketAddress) null);
        // The JDK opened a socket of the grader's here: only the remote one is used.
        super.close();
        this.connection = connection;
        this.ref = ref;
    }

    static RemoteDatagramSocket of(Connection connection, Values.Ref ref) {
        try {
            return new RemoteDatagramSocket(connection, ref);
        } catch (SocketException e) {
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

    private void set(String name, Object... args) throws SocketException {
        try {
            op(name, args);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    private Object info(String key) {
        try {
            return ((Map<?, ?>) op("info")).get(key);
        } catch (IOException e) {
            return null;
        }
    }

    private Object required(String key) throws SocketException {
        Object value = info(key);
        if (value == null) {
            throw new SocketException("Socket is closed");
        }
        return value;
    }

    @Override
    public synchronized void bind(SocketAddress addr) throws SocketException {
        set("bind", addr);
    }

    @Override
    public void connect(InetAddress address, int port) {
        try {
            connect(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void connect(SocketAddress addr) throws SocketException {
        set("connect", addr);
    }

    @Override
    public void disconnect() {
        try {
            set("disconnect");
        } catch (SocketException ignored) {
            // closed already
        }
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        byte[] data = new byte[p.getLength()];
        System.arraycopy(p.getData(), p.getOffset(), data, 0, p.getLength());
        op("send", data, p.getAddress() == null ? null : p.getSocketAddress());
    }

    @Override
    public synchronized void receive(DatagramPacket p) throws IOException {
        List<?> answer = (List<?>) op("receive", p.getLength());
        byte[] data = (byte[]) answer.get(0);
        if (data.length > p.getLength()) {
            throw new IOException("the submission's JVM received more than asked");
        }
        System.arraycopy(data, 0, p.getData(), p.getOffset(), data.length);
        p.setLength(data.length);
        p.setSocketAddress((SocketAddress) answer.get(1));
    }

    @Override
    public void close() {
        try {
            op("close");
        } catch (IOException gone) {
            // its JVM ended: closed already
        }
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        set("setSoTimeout", timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return (Integer) required("soTimeout");
    }

    @Override
    public synchronized void setBroadcast(boolean on) throws SocketException {
        set("setBroadcast", on);
    }

    @Override
    public synchronized boolean getBroadcast() throws SocketException {
        return (Boolean) required("broadcast");
    }

    @Override
    public synchronized void setReuseAddress(boolean on) throws SocketException {
        set("setReuseAddress", on);
    }

    @Override
    public synchronized boolean getReuseAddress() throws SocketException {
        return (Boolean) required("reuseAddress");
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        set("setReceiveBufferSize", size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return (Integer) required("receiveBufferSize");
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        set("setSendBufferSize", size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return (Integer) required("sendBufferSize");
    }

    @Override
    public boolean isBound() {
        return Boolean.TRUE.equals(info("bound"));
    }

    @Override
    public boolean isConnected() {
        return Boolean.TRUE.equals(info("connected"));
    }

    @Override
    public boolean isClosed() {
        return !Boolean.FALSE.equals(info("closed"));
    }

    @Override
    public InetAddress getInetAddress() {
        return info("remote") instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public int getPort() {
        return info("remote") instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return (SocketAddress) info("remote");
    }

    @Override
    public InetAddress getLocalAddress() {
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
    public String toString() {
        return "DatagramSocket[in the submission's JVM, #" + ref.id() + "]";
    }
}
