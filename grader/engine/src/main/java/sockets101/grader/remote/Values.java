package sockets101.grader.remote;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain data that crosses between the trusted grader and the submission's JVM: null,
 * booleans, numbers, characters, strings, byte arrays, lists, string-keyed maps, records (by
 * class name and components), socket addresses, durations, exceptions (class name, message,
 * suppressed, cause) and references to objects that stay on one side (a {@link Ref}: a socket
 * living in the submission's JVM, a callback living in the grader).
 *
 * <p>Decoding never trusts a count: every element takes at least one byte, so a count larger than
 * what is left is refused before anything is allocated, and nesting is bounded. Nothing decoded
 * ever runs code of the other side: records become the reader's own record classes.
 */
public final class Values {
    private static final int NULL = 0, TRUE = 1, FALSE = 2, INT = 3, LONG = 4, DOUBLE = 5, CHAR = 6, STRING = 7,
            BYTES = 8, LIST = 9, MAP = 10, RECORD = 11, REF = 12, ADDRESS = 13, SOCKET_ADDRESS = 14, DURATION = 15,
            ERROR = 16;
    private static final int MAX_DEPTH = 16;

    private Values() {
    }

    /** A reference to an object that stays on one side: a kind (see {@link Kind}) and a number. */
    public record Ref(Kind kind, int id) {
    }

    /** What a {@link Ref} stands for. */
    public enum Kind { SOCKET, SERVER_SOCKET, DATAGRAM_SOCKET, THREAD, CALLBACK }

    /** A record as data: its class name and its components in order. */
    public record RecordData(String type, Map<String, Object> components) {
    }

    /** An exception as data. */
    public record ErrorData(String type, String message, List<ErrorData> suppressed, ErrorData cause) {
    }

    /** Encodes plain data; anything else is refused with the type's name. */
    public static void write(DataOutputStream out, Object value) throws IOException {
        write(out, value, 0);
    }

    public static byte[] encode(Object... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object value : values) {
                write(out, value);
            }
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("value nested more than " + MAX_DEPTH + " deep");
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeByte(INT);
            out.writeInt(((Number) value).intValue());
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeString(out, String.valueOf(entry.getKey()));
                write(out, entry.getValue(), depth + 1);
            }
        } else if (value instanceof RecordData record) {
            out.writeByte(RECORD);
            writeString(out, record.type());
            out.writeInt(record.components().size());
            for (Map.Entry<String, Object> entry : record.components().entrySet()) {
                writeString(out, entry.getKey());
                write(out, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Ref ref) {
            out.writeByte(REF);
            out.writeByte(ref.kind().ordinal());
            out.writeInt(ref.id());
        } else if (value instanceof InetAddress address) {
            out.writeByte(ADDRESS);
            writeAddress(out, address);
        } else if (value instanceof InetSocketAddress address) {
            out.writeByte(SOCKET_ADDRESS);
            out.writeBoolean(address.isUnresolved());
            if (address.isUnresolved()) {
                writeString(out, address.getHostString());
            } else {
                writeAddress(out, address.getAddress());
            }
            out.writeInt(address.getPort());
        } else if (value instanceof Duration duration) {
            out.writeByte(DURATION);
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        } else if (value instanceof ErrorData error) {
            out.writeByte(ERROR);
            writeError(out, error, depth);
        } else {
            throw new IOException("not plain data: " + value.getClass().getName());
        }
    }

    private static void writeError(DataOutputStream out, ErrorData error, int depth) throws IOException {
        writeString(out, error.type());
        write(out, error.message(), depth + 1);
        out.writeInt(error.suppressed().size());
        for (ErrorData suppressed : error.suppressed()) {
            write(out, suppressed, depth + 1);
        }
        write(out, error.cause(), depth + 1);
    }

    private static void writeAddress(DataOutputStream out, InetAddress address) throws IOException {
        // The host name only if the address was made with one: never a reverse lookup.
        String text = address.toString();
        String host = text.substring(0, text.indexOf('/'));
        write(out, host.isEmpty() ? null : host);
        byte[] raw = address.getAddress();
        out.writeByte(raw.length);
        out.write(raw);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Decodes what {@link #write} wrote, from a frame already read whole. */
    public static Object read(DataInputStream in) throws IOException {
        return read(in, 0);
    }

    /** Reads all values of a frame. */
    public static List<Object> decode(byte[] frame) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(frame));
        List<Object> values = new ArrayList<>();
        while (in.available() > 0) {
            values.add(read(in));
        }
        return values;
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("value nested more than " + MAX_DEPTH + " deep");
        }
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case TRUE -> true;
            case FALSE -> false;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case CHAR -> in.readChar();
            case STRING -> readString(in);
            case BYTES -> {
                byte[] bytes = new byte[count(in, 1)];
                in.readFully(bytes);
                yield bytes;
            }
            case LIST -> {
                int n = count(in, 1);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in, depth + 1));
                }
                yield list;
            }
            case MAP -> {
                int n = count(in, 5);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readString(in), read(in, depth + 1));
                }
                yield map;
            }
            case RECORD -> {
                String type = readString(in);
                int n = count(in, 5);
                Map<String, Object> components = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    components.put(readString(in), read(in, depth + 1));
                }
                yield new RecordData(type, components);
            }
            case REF -> {
                int kind = in.readUnsignedByte();
                if (kind >= Kind.values().length) {
                    throw new IOException("unknown reference kind " + kind);
                }
                yield new Ref(Kind.values()[kind], in.readInt());
            }
            case ADDRESS -> readAddress(in);
            case SOCKET_ADDRESS -> {
                boolean unresolved = in.readBoolean();
                if (unresolved) {
                    String host = readString(in);
                    yield InetSocketAddress.createUnresolved(host, port(in.readInt()));
                }
                InetAddress address = readAddress(in);
                yield new InetSocketAddress(address, port(in.readInt()));
            }
            case DURATION -> Duration.ofSeconds(in.readLong(), in.readInt());
            case ERROR -> readError(in, depth);
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static ErrorData readError(DataInputStream in, int depth) throws IOException {
        String type = readString(in);
        Object message = read(in, depth + 1);
        int n = count(in, 1);
        List<ErrorData> suppressed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (read(in, depth + 1) instanceof ErrorData error) {
                suppressed.add(error);
            }
        }
        Object cause = read(in, depth + 1);
        return new ErrorData(type, message instanceof String s ? s : null, suppressed,
                cause instanceof ErrorData e ? e : null);
    }

    private static InetAddress readAddress(DataInputStream in) throws IOException {
        Object host = read(in);
        int length = in.readUnsignedByte();
        if (length != 4 && length != 16) {
            throw new IOException("an IP address has 4 or 16 bytes, not " + length);
        }
        byte[] raw = new byte[length];
        in.readFully(raw);
        return InetAddress.getByAddress(host instanceof String s ? s : null, raw);
    }

    private static int port(int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IOException("port out of range: " + port);
        }
        return port;
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in, 1)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count, refused if the rest of the frame cannot hold that many elements of {@code minBytes}. */
    private static int count(DataInputStream in, int minBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytes > in.available()) {
            throw new IOException("count " + n + " larger than what is left of the message");
        }
        return n;
    }
}
