package sockets101.site.live;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open pages' kernels: at most {@code max} at once, each shut down once it has been idle
 * (no cell running) for {@code idle}.
 */
final class Kernels implements AutoCloseable {
    /** Thrown when {@code max} kernels are already running. */
    static final class FullException extends RuntimeException {
        FullException(int max) {
            super(max + " kernels are already running (the most this server allows): close a page's kernel "
                    + "(or its tab) or wait until an idle one is shut down");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Kernel> kernels = new ConcurrentHashMap<>();
    private final int max;
    private final Duration idle;
    private final Kernel.Limits limits;
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kernel-reaper");
        t.setDaemon(true);
        return t;
    });
    private int starting;

    Kernels(int max, Duration idle, Kernel.Limits limits) {
        this.max = max;
        this.idle = idle;
        this.limits = limits;
        long every = Math.max(100, Math.min(idle.toMillis() / 4, 30_000));
        reaper.scheduleWithFixedDelay(this::reap, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts a kernel (a second or so: a JVM boots) and returns it. */
    Kernel create() {
        synchronized (this) {
            if (kernels.size() + starting >= max) {
                throw new FullException(max);
            }
            starting++;
        }
        try {
            Kernel kernel = new Kernel(HexFormat.of().formatHex(bytes()), limits);
            kernels.put(kernel.id(), kernel);
            return kernel;
        } finally {
            synchronized (this) {
                starting--;
            }
        }
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The kernel with this id, or null (never was, or shut down). */
    Kernel get(String id) {
        return id == null ? null : kernels.get(id);
    }

    int size() {
        return kernels.size();
    }

    int max() {
        return max;
    }

    /** Shuts a kernel down; false if there was none. */
    boolean remove(String id) {
        Kernel kernel = kernels.remove(id);
        if (kernel == null) {
            return false;
        }
        kernel.close();
        return true;
    }

    private void reap() {
        long now = System.nanoTime();
        for (Kernel kernel : List.copyOf(kernels.values())) {
            if (!kernel.running() && now - kernel.lastUsed() > idle.toNanos()) {
                remove(kernel.id());
                System.out.println("[live] kernel " + kernel.id().substring(0, 6) + " shut down after "
                        + idle.toSeconds() + " s idle");
            }
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        List.copyOf(kernels.keySet()).forEach(this::remove);
    }
}
