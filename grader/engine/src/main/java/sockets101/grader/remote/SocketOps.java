package sockets101.grader.remote;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The socket operations the submission's JVM carries out for the grader's tests, by name, with
 * plain-data arguments and results. The other side of {@link RemoteSocket},
 * {@link RemoteServerSocket} and {@link RemoteDatagramSocket}.
 */
final class SocketOps {
    /** Most bytes one remote read returns. */
    static final int MAX_READ = 1024 * 1024;

    private SocketOps() {
    }

    static Object socket(Socket s, String name, List<?> a) throws IOException {
        switch (name) {
            case "connect" -> s.connect((SocketAddress) a.get(0), (Integer) a.get(1));
            case "bind" -> s.bind((SocketAddress) a.get(0));
            case "read" -> {
                byte[] buffer = new byte[Math.max(1, Math.min(MAX_READ, (Integer) a.get(0)))];
                int n = s.getInputStream().read(buffer);
                return n < 0 ? null : Arrays.copyOf(buffer, n);
            }
            case "available" -> {
                return s.getInputStream().available();
            }
            case "write" -> s.getOutputStream().write((byte[]) a.get(0));
            case "flush" -> s.getOutputStream().flush();
            case "close" -> s.close();
            case "shutdownInput" -> s.shutdownInput();
            case "shutdownOutput" -> s.shutdownOutput();
            case "setSoTimeout" -> s.setSoTimeout((Integer) a.get(0));
            case "setReceiveBufferSize" -> s.setReceiveBufferSize((Integer) a.get(0));
            case "setSendBufferSize" -> s.setSendBufferSize((Integer) a.get(0));
            case "setTcpNoDelay" -> s.setTcpNoDelay((Boolean) a.get(0));
            case "setKeepAlive" -> s.setKeepAlive((Boolean) a.get(0));
            case "setReuseAddress" -> s.setReuseAddress((Boolean) a.get(0));
            case "setSoLinger" -> s.setSoLinger((Boolean) a.get(0), (Integer) a.get(1));
            case "info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("local", s.getLocalSocketAddress());
                info.put("remote", s.getRemoteSocketAddress());
                info.put("bound", s.isBound());
                info.put("connected", s.isConnected());
                info.put("closed", s.isClosed());
                info.put("inputShutdown", s.isInputShutdown());
                info.put("outputShutdown", s.isOutputShutdown());
                if (!s.isClosed()) {
                    info.put("soTimeout", s.getSoTimeout());
                    info.put("receiveBufferSize", s.getReceiveBufferSize());
                    info.put("sendBufferSize", s.getSendBufferSize());
                    info.put("tcpNoDelay", s.getTcpNoDelay());
                    info.put("keepAlive", s.getKeepAlive());
                    info.put("reuseAddress", s.getReuseAddress());
                    info.put("soLinger", s.getSoLinger());
                }
                return info;
            }
            default -> throw new UnsupportedOperationException("Socket." + name);
        }
        return null;
    }

    static Object server(ServerSocket s, String name, List<?> a) throws IOException {
        switch (name) {
            case "bind" -> s.bind((SocketAddress) a.get(0), (Integer) a.get(1));
            case "accept" -> {
                return s.accept();
            }
            case "close" -> s.close();
            case "setSoTimeout" -> s.setSoTimeout((Integer) a.get(0));
            case "setReuseAddress" -> s.setReuseAddress((Boolean) a.get(0));
            case "setReceiveBufferSize" -> s.setReceiveBufferSize((Integer) a.get(0));
            case "info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("local", s.getLocalSocketAddress());
                info.put("bound", s.isBound());
                info.put("closed", s.isClosed());
                if (!s.isClosed()) {
                    info.put("soTimeout", s.getSoTimeout());
                    info.put("reuseAddress", s.getReuseAddress());
                    info.put("receiveBufferSize", s.getReceiveBufferSize());
                }
                return info;
            }
            default -> throw new UnsupportedOperationException("ServerSocket." + name);
        }
        return null;
    }

    static Object datagram(DatagramSocket s, String name, List<?> a) throws IOException {
        switch (name) {
            case "bind" -> s.bind((SocketAddress) a.get(0));
            case "connect" -> s.connect((SocketAddress) a.get(0));
            case "disconnect" -> s.disconnect();
            case "send" -> {
                byte[] data = (byte[]) a.get(0);
                DatagramPacket packet = new DatagramPacket(data, data.length);
                if (a.get(1) != null) {
                    packet.setSocketAddress((SocketAddress) a.get(1));
                }
                s.send(packet);
            }
            case "receive" -> {
                byte[] buffer = new byte[Math.max(0, Math.min(65_536, (Integer) a.get(0)))];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                s.receive(packet);
                return List.of(Arrays.copyOf(buffer, packet.getLength()), (InetSocketAddress) packet.getSocketAddress());
            }
            case "close" -> s.close();
            case "setSoTimeout" -> s.setSoTimeout((Integer) a.get(0));
            case "setBroadcast" -> s.setBroadcast((Boolean) a.get(0));
            case "setReuseAddress" -> s.setReuseAddress((Boolean) a.get(0));
            case "setReceiveBufferSize" -> s.setReceiveBufferSize((Integer) a.get(0));
            case "setSendBufferSize" -> s.setSendBufferSize((Integer) a.get(0));
            case "info" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("local", s.getLocalSocketAddress());
                info.put("remote", s.getRemoteSocketAddress());
                info.put("bound", s.isBound());
                info.put("connected", s.isConnected());
                info.put("closed", s.isClosed());
                if (!s.isClosed()) {
                    info.put("soTimeout", s.getSoTimeout());
                    info.put("broadcast", s.getBroadcast());
                    info.put("reuseAddress", s.getReuseAddress());
                    info.put("receiveBufferSize", s.getReceiveBufferSize());
                    info.put("sendBufferSize", s.getSendBufferSize());
                }
                return info;
            }
            default -> throw new UnsupportedOperationException("DatagramSocket." + name);
        }
        return null;
    }
}
