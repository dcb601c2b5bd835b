package sockets101.grader.remote;

import sockets101.grader.Lang;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The grader's end of one submission JVM ({@link Host}): sends calls and operations, waits for
 * their answers, runs the grader's own callbacks when the student's code calls them, and turns
 * answers back into the grader's own objects: references become {@link RemoteSocket} and
 * friends, records become the grader's record classes, exceptions JDK exceptions rebuilt here.
 *
 * <p>The JVM is started on first use and again after it ended (a {@code System.exit} costs the
 * test that was running, not the ones after). Everything it sends is bounded ({@link Frames}),
 * and what it prints is kept up to a cap.
 */
public final class Connection implements AutoCloseable {
    /** Most bytes of the submission's output kept. */
    static final int MAX_OUTPUT = 8 * 1024;

    private final Supplier<ProcessBuilder> starter;
    private final ClassLoader records;
    private final Object lock = new Object();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private boolean outputCut;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicInteger nextCallback = new AtomicInteger(1);
    private final Map<Integer, Object> callbacks = new ConcurrentHashMap<>();
    private Session session;
    private int restarts;
    private volatile boolean closed;

    /** One run of the submission's JVM. */
    private final class Session {
        final Process process;
        final DataOutputStream out;
        final Map<Integer, CompletableFuture<Frames.Message>> pending = new ConcurrentHashMap<>();
        final Map<Values.Ref, Object> remotes = new ConcurrentHashMap<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        volatile String ended;

        Session(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            Thread reader = new Thread(() -> read(new DataInputStream(new BufferedInputStream(process.getInputStream()))),
                    "grader-from-submission");
            reader.setDaemon(true);
            reader.start();
            Thread errors = new Thread(() -> keep(process.getErrorStream()), "grader-submission-output");
            errors.setDaemon(true);
            errors.start();
        }

        private void read(DataInputStream in) {
            String why = null;
            try {
                for (Frames.Message m; (m = Frames.read(in)) != null; ) {
                    switch (m.type()) {
                        case Frames.READY -> ready.complete(null);
                        case Frames.RESULT, Frames.THROWN -> {
                            CompletableFuture<Frames.Message> waiting = pending.remove(m.id());
                            if (waiting != null) {
                                waiting.complete(m);
                            }
                        }
                        case Frames.CALLBACK -> callback(this, m);
                        default -> throw new IOException("unknown message type " + m.type());
                    }
                }
            } catch (IOException | RuntimeException e) {
                why = Lang.say("mensaje no válido de la JVM del envío (¿escribió en System.out por FileDescriptor.out?): ",
                        "a message from the submission's JVM that is not valid (did it write to FileDescriptor.out?): ") + e.getMessage();
            }
            end(this, why);
        }
    }

    /**
     * @param starter makes the command of the submission's JVM (called again after it ends)
     * @param records the class loader whose record classes stand for the student's records
     */
    public Connection(Supplier<ProcessBuilder> starter, ClassLoader records) {
        this.starter = starter;
        this.records = records;
    }

    private Session session() throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IOException(Lang.say("la calificación de este ejercicio ya terminó", "grading of this exercise is over"));
            }
            if (session != null && session.ended == null) {
                return session;
            }
            if (session != null) {
                restarts++;
            }
            Process process = starter.get().start();
            session = new Session(process);
        }
        Session s = session;
        try {
            s.ready.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the submission's JVM started");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            kill(s);
            throw new IOException(Lang.say("la JVM del envío no arrancó", "the submission's JVM did not start") + ": " + s.ended);
        }
        if (s.ended != null) {
            throw new IOException(s.ended);
        }
        return s;
    }

    /** Calls a public static method of the student's class and returns its answer as the grader's objects. */
    public Object call(String className, String method, List<String> parameterTypes, List<Object> args) throws Exception {
        Session s = session();
        return send(s, Frames.CALL, className, method, parameterTypes, data(s, args));
    }

    /** An operation on an object held by the submission's JVM. */
    Object op(Values.Ref ref, Object owner, String name, Object... args) throws IOException {
        Session s = owner(ref, owner);
        List<Object> values = new ArrayList<>();
        values.add(ref);
        values.add(name);
        values.addAll(data(s, List.of(args)));
        try {
            return send(s, Frames.OP, values.toArray());
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** Makes an object in the submission's JVM for the student's code to use ({@link sockets101.grader.Student}). */
    public Object make(String kind, Object... args) throws IOException {
        Session s = session();
        List<Object> values = new ArrayList<>();
        values.add(new Values.Ref(Values.Kind.SOCKET, 0));
        values.add(kind);
        values.addAll(data(s, List.of(args)));
        try {
            return send(s, Frames.OP, values.toArray());
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private Session owner(Values.Ref ref, Object owner) throws IOException {
        Session s = session;
        if (s == null || s.ended != null || s.remotes.get(ref) != owner) {
            throw new java.net.SocketException(Lang.say(
                    "este socket vivía en una JVM del envío que ya terminó", "this socket lived in a submission JVM that has ended"));
        }
        return s;
    }

    private Object send(Session s, int type, Object... values) throws Exception {
        int id = nextId.getAndIncrement();
        CompletableFuture<Frames.Message> answer = new CompletableFuture<>();
        s.pending.put(id, answer);
        if (s.ended != null) {
            s.pending.remove(id);
            throw new IOException(s.ended);
        }
        try {
            Frames.write(s.out, type, id, values);
        } catch (IOException e) {
            s.pending.remove(id);
            throw new IOException(s.ended != null ? s.ended : e.getMessage(), e);
        }
        Frames.Message m;
        try {
            m = answer.get();
        } catch (InterruptedException e) {
            s.pending.remove(id);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(Lang.say("interrumpida mientras esperaba al código del envío",
                    "interrupted while waiting for the submission's code"));
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage());
        }
        if (m.type() == Frames.THROWN) {
            Throwable thrown = Errors.rebuild(m.value(0));
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (Exception) thrown;
        }
        return fromData(s, m.value(0), 0);
    }

    /** Plain data for the grader's arguments: remote objects by reference, callbacks by number. */
    private List<Object> data(Session s, List<?> args) {
        List<Object> data = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof RemoteObject remote) {
                if (s.remotes.get(remote.ref()) != remote) {
                    throw new IllegalStateException("a socket of an earlier submission JVM");
                }
                data.add(remote.ref());
            } else if (arg instanceof Socket || arg instanceof ServerSocket || arg instanceof DatagramSocket) {
                throw new IllegalStateException("a test handed the student's code a socket of the grader's own: "
                        + "make it with sockets101.grader.Student");
            } else if (arg instanceof Function<?, ?> || arg instanceof java.util.function.UnaryOperator<?>) {
                int id = nextCallback.getAndIncrement();
                callbacks.put(id, arg);
                data.add(new Values.Ref(Values.Kind.CALLBACK, id));
            } else {
                data.add(arg);
            }
        }
        return data;
    }

    private Object fromData(Session s, Object data, int depth) throws IOException {
        if (data instanceof Values.Ref ref) {
            Object remote = s.remotes.computeIfAbsent(ref, r -> switch (r.kind()) {
                case SOCKET -> RemoteSocket.of(this, r);
                case SERVER_SOCKET -> RemoteServerSocket.of(this, r);
                case DATAGRAM_SOCKET -> RemoteDatagramSocket.of(this, r);
                case THREAD -> RemoteThread.of(this, r);
                case CALLBACK -> throw new IllegalStateException("a callback cannot come back");
            });
            if (remote instanceof RemoteThread thread) {
                thread.follow();
            }
            return remote;
        }
        if (data instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                items.add(fromData(s, item, depth + 1));
            }
            return Collections.unmodifiableList(items);
        }
        if (data instanceof Map<?, ?> map) {
            Map<String, Object> items = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                items.put((String) entry.getKey(), fromData(s, entry.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(items);
        }
        if (data instanceof Values.RecordData record) {
            return record(s, record, depth);
        }
        if (data instanceof Values.ErrorData) {
            throw new IOException("an exception where a value was expected");
        }
        return data;
    }

    /** The grader's own record for the student's: same class name, built with the grader's code. */
    private Object record(Session s, Values.RecordData data, int depth) throws IOException {
        Class<?> type;
        try {
            type = Class.forName(data.type(), false, records);
        } catch (ClassNotFoundException e) {
            throw new IOException("the submission answered a record the exercise does not declare: " + data.type());
        }
        if (!type.isRecord() || !type.getName().startsWith("sockets101.") || type.getName().startsWith("sockets101.grader.")) {
            throw new IOException("not an exercise's record: " + data.type());
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (!data.components().containsKey(components[i].getName())) {
                throw new IOException(data.type() + " without its component " + components[i].getName());
            }
            values[i] = Errors.convert(fromData(s, data.components().get(components[i].getName()), depth + 1), types[i]);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild " + data.type() + ": " + e, e);
        }
    }

    /** The student's code called one of the grader's callbacks: run it here, on a thread of its own. */
    private void callback(Session s, Frames.Message m) {
        Object target = callbacks.get((Integer) m.value(0));
        List<?> args = (List<?>) m.value(1);
        Thread thread = new Thread(() -> {
            Object[] reply;
            try {
                Object result;
                if (target instanceof Function<?, ?> f && args.size() == 1) {
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> function = (Function<Object, Object>) f;
                    result = function.apply(fromData(s, args.get(0), 0));
                } else {
                    throw new IllegalStateException("no such callback");
                }
                reply = new Object[] {true, result};
            } catch (Exception | Error e) {
                reply = new Object[] {false, String.valueOf(e)};
            }
            try {
                Frames.write(s.out, Frames.CALLBACK_REPLY, m.id(), reply);
            } catch (IOException | RuntimeException gone) {
                // the submission's JVM ended meanwhile
            }
        }, "grader-callback");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Ends the test: the submission's JVM closes what the test left open and interrupts its calls.
     * A call still running after that (busy code that ignores both) ends the JVM: the next test
     * gets a fresh one.
     */
    public void afterTest() {
        Session s = session;
        if (s == null || s.ended != null) {
            return;
        }
        try {
            CompletableFuture<Frames.Message> answer = new CompletableFuture<>();
            int id = nextId.getAndIncrement();
            s.pending.put(id, answer);
            Frames.write(s.out, Frames.RESET, id);
            Frames.Message m = answer.get(2, TimeUnit.SECONDS);
            if (!Integer.valueOf(0).equals(m.value(0))) {
                kill(s);
            }
        } catch (Exception e) {
            kill(s);
        }
        s.remotes.clear();
        callbacks.clear();
    }

    private void end(Session s, String why) {
        try {
            s.process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status = s.process.isAlive() ? "?" : String.valueOf(s.process.exitValue());
        String ended = why != null ? why : Lang.say(
                "la JVM del envío terminó (estado " + status + "; ¿System.exit o Runtime.halt en tu código?)",
                "the submission's JVM ended (status " + status + "; System.exit or Runtime.halt in your code?)");
        s.ended = ended;
        s.ready.complete(null);
        kill(s);
        for (CompletableFuture<Frames.Message> waiting : s.pending.values()) {
            waiting.completeExceptionally(new IOException(ended));
        }
        s.pending.clear();
    }

    private static void kill(Session s) {
        s.process.descendants().forEach(ProcessHandle::destroyForcibly);
        s.process.destroyForcibly();
    }

    /** Another submission JVM like this one, with extra JVM options. */
    public StudentJvm sibling(List<String> jvmOptions) {
        return new StudentJvm(new Connection(() -> {
            ProcessBuilder builder = starter.get();
            List<String> command = new ArrayList<>(builder.command());
            int java = command.indexOf(HOST_MAIN);
            command.addAll(java < 0 ? command.size() : java, jvmOptions);
            return builder.command(command);
        }, records));
    }

    /** The main class the starter's command ends with; JVM options go before its class path. */
    static final String HOST_MAIN = Host.class.getName();

    /** How many times the submission's JVM had to be started again. */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** What the submission printed (capped). */
    public String output() {
        synchronized (output) {
            String text = output.toString(StandardCharsets.UTF_8);
            return outputCut ? text + "\n[… output cut at " + MAX_OUTPUT + " bytes]\n" : text;
        }
    }

    private void keep(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (output) {
                    int room = MAX_OUTPUT - output.size();
                    output.write(buffer, 0, Math.max(0, Math.min(room, n)));
                    outputCut |= n > room;
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    /**
     * What the submission left running in its JVM at the end (non-daemon threads, processes),
     * as notes for the report; they end with {@link #close()}.
     */
    public List<String> leftovers() {
        Session s = session;
        if (s == null || s.ended != null) {
            return List.of();
        }
        try {
            List<?> census = (List<?>) make("census");
            List<?> threads = (List<?>) census.get(0);
            int processes = (Integer) census.get(1);
            List<String> notes = new ArrayList<>();
            if (!threads.isEmpty()) {
                List<String> names = threads.stream().limit(10).map(t -> "'" + sockets101.grader.Reasons.printable(String.valueOf(t)) + "'").toList();
                notes.add(Lang.say("el envío dejó " + threads.size() + " hilo(s) no daemon en marcha " + names
                                + "; se detuvieron al terminar las pruebas",
                        "the submission left " + threads.size() + " non-daemon thread(s) running " + names
                                + "; they were stopped when the tests ended"));
            }
            if (processes > 0) {
                notes.add(Lang.say("el envío dejó " + processes + " proceso(s) en marcha; se mataron",
                        "the submission left " + processes + " process(es) running; they were killed"));
            }
            return notes;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Ends the submission's JVM (and, through its sandbox, every process it started) and waits. */
    @Override
    public void close() {
        Session s;
        synchronized (lock) {
            closed = true;
            s = session;
        }
        if (s != null) {
            kill(s);
            try {
                s.process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
