package sockets101.grader.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.Objects;

/**
 * A TCP socket of the submission's JVM, as the grader's tests see it: every call is carried out
 * there. Reads return what that JVM says it read: a claim, which the tests check against what
 * the grader's own peer sent.
 */
final class RemoteSocket extends Socket implements RemoteObject {
    private final Connection connection;
    private final Values.Ref ref;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    private RemoteSocket(Connection connection, Values.Ref ref) {
        this.connection = connection;
        this.ref = ref;
    }

    static RemoteSocket of(Connection connection, Values.Ref ref) {
        return new RemoteSocket(connection, ref);
    }

    @Override
    public Values.Ref ref() {
        return ref;
    }

    private Object op(String name, Object... args) throws IOException {
        return connection.op(ref, this, name, args);
    }

    private Map<?, ?> info() throws SocketException {
        try {
            return (Map<?, ?>) op("info");
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    private Object info(String key) {
        try {
            return info().get(key);
        } catch (SocketException e) {
            return null;
        }
    }

    private int intInfo(String key) throws SocketException {
        Object value = info().get(key);
        if (value == null) {
            throw new SocketException("Socket is closed");
        }
        return (Integer) value;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        op("connect", endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        op("bind", bindpoint);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            op("close");
        } catch (SocketException gone) {
            // its JVM ended: the socket is closed already
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        op("shutdownInput");
    }

    @Override
    public void shutdownOutput() throws IOException {
        op("shutdownOutput");
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        set("setSoTimeout", timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        return intInfo("soTimeout");
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
        set("setReceiveBufferSize", size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
        return intInfo("receiveBufferSize");
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
        set("setSendBufferSize", size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
        return intInfo("sendBufferSize");
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        set("setTcpNoDelay", on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return Boolean.TRUE.equals(info().get("tcpNoDelay"));
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        set("setKeepAlive", on);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        set("setReuseAddress", on);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        set("setSoLinger", on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return intInfo("soLinger");
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
        return info("remote") instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    @Override
    public int getPort() {
        return info("remote") instanceof InetSocketAddress a ? a.getPort() : 0;
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
    public SocketAddress getRemoteSocketAddress() {
        return (SocketAddress) info("remote");
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return (SocketAddress) info("local");
    }

    @Override
    public boolean isConnected() {
        return Boolean.TRUE.equals(info("connected"));
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
    public boolean isInputShutdown() {
        return Boolean.TRUE.equals(info("inputShutdown"));
    }

    @Override
    public boolean isOutputShutdown() {
        return Boolean.TRUE.equals(info("outputShutdown"));
    }

    @Override
    public String toString() {
        return "Socket[in the submission's JVM, #" + ref.id() + "]";
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            Object data = op("read", len);
            if (data == null) {
                return -1;
            }
            byte[] bytes = (byte[]) data;
            if (bytes.length > len) {
                throw new IOException("the submission's JVM read more than asked");
            }
            System.arraycopy(bytes, 0, b, off, bytes.length);
            return bytes.length;
        }

        @Override
        public int available() throws IOException {
            return (Integer) op("available");
        }

        @Override
        public void close() throws IOException {
            RemoteSocket.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            for (int at = off; at < off + len; at += SocketOps.MAX_READ) {
                int n = Math.min(SocketOps.MAX_READ, off + len - at);
                byte[] chunk = new byte[n];
                System.arraycopy(b, at, chunk, 0, n);
                op("write", (Object) chunk);
            }
        }

        @Override
        public void flush() throws IOException {
            op("flush");
        }

        @Override
        public void close() throws IOException {
            RemoteSocket.this.close();
        }
    }
}
