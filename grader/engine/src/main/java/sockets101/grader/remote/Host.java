package sockets101.grader.remote;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The main class of the submission's JVM in the autograder: it holds nothing that decides a
 * verdict. It runs the student's static methods when the grader asks, keeps the objects they
 * make (sockets, threads) under numbers, and answers with plain data ({@link Values}). The
 * grader, in a process of its own, compares. Whatever this JVM answers is a claim the grader
 * checks against what it observes on its own sockets.
 *
 * <p>Messages travel on standard input and output; the student's {@code System.out} and
 * {@code System.err} both go to standard error, which the grader keeps (bounded) for the report.
 */
public final class Host {
    private final DataOutputStream out;
    private final Map<Integer, Object> objects = new ConcurrentHashMap<>();
    private final Map<Object, Integer> ids = new IdentityHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Set<Thread> calls = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CompletableFuture<Frames.Message>> callbacks = new ConcurrentHashMap<>();
    private final AtomicInteger nextCallback = new AtomicInteger(1);

    private Host(DataOutputStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
        Host host = new Host(out);
        Frames.write(out, Frames.READY, 0);
        host.serve(in);
        Runtime.getRuntime().halt(0);
    }

    private void serve(DataInputStream in) throws IOException {
        for (Frames.Message message; (message = Frames.read(in)) != null; ) {
            Frames.Message m = message;
            switch (m.type()) {
                case Frames.CALL, Frames.OP -> {
                    Thread thread = new Thread(() -> run(m), "grader-call-" + m.id());
                    thread.setDaemon(true);
                    calls.add(thread);
                    thread.start();
                }
                case Frames.CALLBACK_REPLY -> {
                    CompletableFuture<Frames.Message> waiting = callbacks.remove(m.id());
                    if (waiting != null) {
                        waiting.complete(m);
                    }
                }
                case Frames.RESET -> reset(m.id());
                default -> throw new IOException("unknown message type " + m.type());
            }
        }
    }

    private void run(Frames.Message m) {
        try {
            Object result = m.type() == Frames.CALL ? call(m) : op(m);
            Frames.write(out, Frames.RESULT, m.id(), toData(result));
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            try {
                Frames.write(out, Frames.THROWN, m.id(), error(cause, 0));
            } catch (IOException | RuntimeException gone) {
                // the grader is gone or the error cannot be told: nothing more to do
            }
        } finally {
            calls.remove(Thread.currentThread());
        }
    }

    /** CALL: class name, method name, parameter type names, arguments. */
    private Object call(Frames.Message m) throws Exception {
        String className = (String) m.value(0);
        String name = (String) m.value(1);
        List<?> typeNames = (List<?>) m.value(2);
        List<?> args = (List<?>) m.value(3);
        Class<?>[] types = new Class<?>[typeNames.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = type((String) typeNames.get(i));
        }
        Class<?> owner = Class.forName(className, false, Host.class.getClassLoader());
        Method method = owner.getMethod(name, types);
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new NoSuchMethodException(className + "." + name + " is not static");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = fromData(args.get(i), types[i]);
        }
        return method.invoke(null, values);
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "char" -> char.class;
            case "double" -> double.class;
            case "byte[]" -> byte[].class;
            default -> Class.forName(name, false, Host.class.getClassLoader());
        };
    }

    /** OP: a reference, an operation name, its arguments. */
    private Object op(Frames.Message m) throws Exception {
        Values.Ref ref = (Values.Ref) m.value(0);
        String name = (String) m.value(1);
        List<?> args = m.values().subList(2, m.values().size());
        if (ref.id() == 0) {
            return create(name, args);
        }
        Object target = objects.get(ref.id());
        if (target == null) {
            throw new IllegalStateException("no object #" + ref.id() + " (closed at the end of an earlier test?)");
        }
        return dispatch(target, name, args);
    }

    /** Objects the grader's tests hand to the student's code: made here, so that code can use them. */
    private static Object create(String kind, List<?> args) throws IOException {
        return switch (kind) {
            case "census" -> census();
            case "socket" -> new Socket();
            case "serverSocket" -> new ServerSocket();
            case "datagramSocket" -> new DatagramSocket((SocketAddress) args.get(0));
            default -> throw new IllegalArgumentException("cannot make a " + kind);
        };
    }

    /** What the submission left running: its non-daemon threads' names, and its processes. */
    private static Object census() {
        Thread self = Thread.currentThread();
        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t != self && !t.getName().equals("main")
                        && !t.getName().equals("DestroyJavaVM"))
                .map(Thread::getName).sorted().toList();
        return List.of(threads, (int) ProcessHandle.current().descendants().count());
    }

    private void reset(int id) throws IOException {
        List<Object> open = new ArrayList<>(objects.values());
        objects.clear();
        synchronized (ids) {
            ids.clear();
        }
        for (Object o : open) {
            try {
                if (o instanceof AutoCloseable closeable) {
                    closeable.close();
                } else if (o instanceof Thread thread) {
                    thread.interrupt();
                }
            } catch (Exception ignored) {
                // closing what a test left open: errors do not matter
            }
        }
        Thread self = Thread.currentThread();
        calls.forEach(t -> {
            if (t != self) {
                t.interrupt();
            }
        });
        // Calls that ignore both the closed sockets and the interrupt are told to the grader,
        // which then ends this JVM: busy code must not run on into the next test.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (Thread t : List.copyOf(calls)) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        long busy = calls.stream().filter(Thread::isAlive).count();
        Frames.write(out, Frames.RESULT, id, (int) busy);
    }

    /** Plain data for a value the student's code returned; objects become references. */
    private Object toData(Object value) {
        return toData(value, 0);
    }

    private Object toData(Object value, int depth) {
        if (depth > 12) {
            throw new IllegalArgumentException("value nested too deep to carry back");
        }
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Character
                || value instanceof String || value instanceof byte[] || value instanceof InetAddress
                || value instanceof InetSocketAddress || value instanceof Duration) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            List<Object> data = new ArrayList<>();
            for (Object item : list) {
                data.add(toData(item, depth + 1));
            }
            return data;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                data.put(String.valueOf(entry.getKey()), toData(entry.getValue(), depth + 1));
            }
            return data;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> components = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    components.put(component.getName(), toData(component.getAccessor().invoke(value), depth + 1));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + component, e);
                }
            }
            return new Values.RecordData(value.getClass().getName(), components);
        }
        Values.Kind kind = value instanceof Socket ? Values.Kind.SOCKET
                : value instanceof ServerSocket ? Values.Kind.SERVER_SOCKET
                : value instanceof DatagramSocket ? Values.Kind.DATAGRAM_SOCKET
                : value instanceof Thread ? Values.Kind.THREAD : null;
        if (kind == null) {
            throw new IllegalArgumentException("the grader cannot take a " + value.getClass().getName() + " back");
        }
        return new Values.Ref(kind, register(value));
    }

    int register(Object value) {
        synchronized (ids) {
            Integer id = ids.get(value);
            if (id == null) {
                id = nextId.getAndIncrement();
                ids.put(value, id);
                objects.put(id, value);
            }
            return id;
        }
    }

    /** The argument for a parameter of {@code type}, from plain data. */
    private Object fromData(Object data, Class<?> type) {
        if (data instanceof Values.Ref ref) {
            if (ref.kind() == Values.Kind.CALLBACK) {
                return callback(ref.id(), type);
            }
            Object target = objects.get(ref.id());
            if (target == null) {
                throw new IllegalStateException("no object #" + ref.id());
            }
            return target;
        }
        if (data instanceof Integer i && type == long.class) {
            return i.longValue();
        }
        return data;
    }

    /** A functional interface whose calls go back to the grader's own object. */
    private Object callback(int callbackId, Class<?> type) {
        return Proxy.newProxyInstance(Host.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "callback#" + callbackId;
                };
            }
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            int id = nextCallback.getAndIncrement();
            CompletableFuture<Frames.Message> reply = new CompletableFuture<>();
            callbacks.put(id, reply);
            List<Object> data = new ArrayList<>();
            for (Object arg : args == null ? new Object[0] : args) {
                data.add(toData(arg));
            }
            Frames.write(out, Frames.CALLBACK, id, callbackId, data);
            Frames.Message answer = reply.get();
            if (!Boolean.TRUE.equals(answer.value(0))) {
                throw new RuntimeException("the grader's " + type.getSimpleName() + " failed: " + answer.value(1));
            }
            return answer.value(1);
        });
    }

    static Values.ErrorData error(Throwable e, int depth) {
        List<Values.ErrorData> suppressed = new ArrayList<>();
        if (depth < 4) {
            for (Throwable s : e.getSuppressed()) {
                if (suppressed.size() < 16) {
                    suppressed.add(error(s, depth + 1));
                }
            }
        }
        Values.ErrorData cause = depth < 4 && e.getCause() != null && e.getCause() != e ? error(e.getCause(), depth + 1) : null;
        String message = e.getMessage();
        if (message != null && message.length() > 4000) {
            message = message.substring(0, 4000) + "…";
        }
        return new Values.ErrorData(e.getClass().getName(), message, suppressed, cause);
    }

    /** The operations the grader may ask on the objects this JVM holds (see the Remote* classes). */
    private static Object dispatch(Object target, String name, List<?> args) throws Exception {
        if (target instanceof Socket s) {
            return SocketOps.socket(s, name, args);
        }
        if (target instanceof ServerSocket s) {
            return SocketOps.server(s, name, args);
        }
        if (target instanceof DatagramSocket s) {
            return SocketOps.datagram(s, name, args);
        }
        if (target instanceof Thread t) {
            return switch (name) {
                case "state" -> t.getState().name();
                case "join" -> {
                    t.join();
                    yield null;
                }
                case "interrupt" -> {
                    t.interrupt();
                    yield null;
                }
                default -> throw new UnsupportedOperationException("Thread." + name);
            };
        }
        throw new UnsupportedOperationException(target.getClass().getName() + "." + name);
    }
}
