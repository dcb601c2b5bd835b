package sockets101.grader.remote;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * One message between the grader and the submission's JVM: a 4-byte length, then a type byte,
 * a call number and the message's {@link Values}. A length past {@link #MAX_FRAME} is refused
 * before anything is allocated.
 */
final class Frames {
    /** Largest message: a 16 MiB frame of the Recv exercise, as a string, fits with room. */
    static final int MAX_FRAME = 48 * 1024 * 1024;

    // grader -> submission
    static final int CALL = 1, OP = 2, CALLBACK_REPLY = 3, RESET = 4;
    // submission -> grader
    static final int RESULT = 11, THROWN = 12, CALLBACK = 13, READY = 14;

    private Frames() {
    }

    record Message(int type, int id, List<Object> values) {
        Object value(int i) {
            return i < values.size() ? values.get(i) : null;
        }
    }

    static void write(DataOutputStream out, int type, int id, Object... values) throws IOException {
        byte[] body = Values.encode(values);
        synchronized (out) {
            out.writeInt(body.length + 5);
            out.writeByte(type);
            out.writeInt(id);
            out.write(body);
            out.flush();
        }
    }

    /** The next message, or null at the end of the stream. */
    static Message read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 5 || length > MAX_FRAME) {
            throw new IOException("message length " + length + " out of bounds (5.." + MAX_FRAME + ")");
        }
        int type = in.readUnsignedByte();
        int id = in.readInt();
        byte[] body = new byte[length - 5];
        in.readFully(body);
        return new Message(type, id, Values.decode(body));
    }
}
