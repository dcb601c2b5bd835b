package sockets101.site.live;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiExecutionControl;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import sockets101.lessons.agent.QuickAgent;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * JShell's {@code jdi} engine, started the live server's way: the kernel JVM is launched through
 * {@link KernelJvm#home()} (its isolation and limits), and the server keeps a hold on it to tell
 * whether a thread a cell left behind is still running code, and to end every process it started.
 * The agent is {@link QuickAgent}; stopping a cell works as in the JDK's own engine (a JDI
 * {@code ThreadReference.stop} on the thread running the cell).
 */
final class KernelEngine implements ExecutionControlProvider {
    private static final int START_TIMEOUT_MS = 20_000; // a JVM booting on a machine loaded by builds
    private volatile Control control;

    @Override
    public String name() {
        return "sockets101-kernel";
    }

    /** The control this engine made (once the JShell is built), or null. */
    Control control() {
        return control;
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        String agent = QuickAgent.class.getName();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(START_TIMEOUT_MS);
            List<String> options = new ArrayList<>(List.of("-cp", KernelJvm.agent().toString()));
            options.addAll(env.extraRemoteVMOptions());
            JdiInitiator jdi = new JdiInitiator(listener.getLocalPort(), options, agent, true, null, START_TIMEOUT_MS,
                    Map.of("home", KernelJvm.home().toString()));
            VirtualMachine vm = jdi.vm();
            Process process = jdi.process();
            List<Consumer<String>> deathListeners = new CopyOnWriteArrayList<>();
            Util.detectJdiExitEvent(vm, s -> deathListeners.forEach(listener1 -> listener1.accept(s)));
            Socket socket = listener.accept();
            OutputStream out = socket.getOutputStream(); // out before in: as the agent makes them
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> input = new HashMap<>();
            input.put("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, input, (objIn, objOut) -> {
                Control made = new Control(env, objOut, objIn, vm, process, agent, deathListeners);
                control = made;
                return made;
            });
        }
    }

    /** The host's end of one kernel JVM. */
    static final class Control extends JdiExecutionControl {
        private final Object stopLock = new Object();
        private final String agent;
        private final Process process;
        private final Path cgroup;
        private VirtualMachine vm; // guarded by this
        private boolean userCodeRunning; // guarded by stopLock

        Control(ExecutionEnv env, ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process, String agent,
                List<Consumer<String>> deathListeners) {
            super(out, in);
            this.vm = vm;
            this.process = process;
            this.agent = agent;
            this.cgroup = KernelJvm.cgroup(process.pid());
            deathListeners.add(s -> env.closeDown());
            deathListeners.add(s -> disposeVM());
        }

        @Override
        public String invoke(String className, String methodName)
                throws RunException, EngineTerminationException, InternalException {
            synchronized (stopLock) {
                userCodeRunning = true;
            }
            try {
                return super.invoke(className, methodName);
            } finally {
                synchronized (stopLock) {
                    userCodeRunning = false;
                }
            }
        }

        /** Stops the running cell: the agent expects the stop, so the kernel lives on. */
        @Override
        public void stop() throws EngineTerminationException, InternalException {
            synchronized (stopLock) {
                if (!userCodeRunning) {
                    return;
                }
                VirtualMachine machine = vm();
                machine.suspend();
                try {
                    outer:
                    for (ThreadReference thread : machine.allThreads()) {
                        for (StackFrame frame : thread.frames()) {
                            String method = frame.location().method().name();
                            if (agent.equals(frame.location().declaringType().name())
                                    && (method.equals("invoke") || method.equals("varValue"))) {
                                ObjectReference self = frame.thisObject();
                                Field inClientCode = self.referenceType().fieldByName("inClientCode");
                                Field expectingStop = self.referenceType().fieldByName("expectingStop");
                                Field stopException = self.referenceType().fieldByName("stopException");
                                if (((BooleanValue) self.getValue(inClientCode)).value()) {
                                    self.setValue(expectingStop, machine.mirrorOf(true));
                                    ObjectReference stop = (ObjectReference) self.getValue(stopException);
                                    machine.resume();
                                    thread.stop(stop);
                                    self.setValue(expectingStop, machine.mirrorOf(false));
                                }
                                break outer;
                            }
                        }
                    }
                } catch (ClassNotLoadedException | IncompatibleThreadStateException | InvalidTypeException e) {
                    throw new InternalException("the cell could not be stopped: " + e);
                } finally {
                    machine.resume();
                }
            }
        }

        /**
         * The threads running Java code (not blocked, not waiting, not in a native call such as
         * {@code accept}) in at least two of three looks 50 ms apart: code that keeps running.
         * Asked when no cell runs, so the agent's own thread waits for a command.
         */
        Set<String> busyThreads() {
            List<Set<String>> looks = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Set.of();
                    }
                }
                looks.add(runningNow());
            }
            Set<String> busy = new HashSet<>();
            for (Set<String> look : looks) {
                for (String thread : look) {
                    if (looks.stream().filter(l -> l.contains(thread)).count() >= 2) {
                        busy.add(thread);
                    }
                }
            }
            return busy;
        }

        private Set<String> runningNow() {
            Set<String> running = new HashSet<>();
            VirtualMachine machine;
            synchronized (this) {
                machine = vm;
            }
            if (machine == null) {
                return running;
            }
            try {
                for (ThreadReference thread : machine.allThreads()) {
                    if (thread.status() != ThreadReference.THREAD_STATUS_RUNNING) {
                        continue; // sleeping, waiting, parked: not running code
                    }
                    thread.suspend(); // only this thread, and only for a look at its top frame
                    try {
                        if (thread.frameCount() > 0 && !thread.frame(0).location().method().isNative()) {
                            running.add(thread.name() + "#" + thread.uniqueID());
                        }
                    } finally {
                        thread.resume();
                    }
                }
            } catch (VMDisconnectedException | IncompatibleThreadStateException | IndexOutOfBoundsException
                     | com.sun.jdi.ObjectCollectedException e) {
                // the kernel is going, or a thread ended while looked at: nothing runs there
            }
            return running;
        }

        /** CPU time the kernel's processes have used so far, in nanoseconds (as far as the OS tells). */
        long cpuNanos() {
            long total = 0;
            for (ProcessHandle p : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                    process.toHandle().descendants()).toList()) {
                total += p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
            }
            return total;
        }

        @Override
        public void close() {
            super.close();
            try {
                process.waitFor(1, TimeUnit.SECONDS); // the agent ends the JVM on close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            disposeVM();
            if (cgroup != null) {
                try {
                    process.onExit().get(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // removed once it has exited, if this JVM still runs then
                }
                removeCgroup(); // now, not later: the server may be exiting
            }
        }

        private synchronized void disposeVM() {
            try {
                if (vm != null) {
                    vm.dispose();
                }
            } catch (VMDisconnectedException e) {
                // already gone
            } catch (RuntimeException e) {
                System.err.println("[live] disposing of a kernel: " + e);
            } finally {
                vm = null;
                endProcesses();
            }
        }

        /**
         * Ends the kernel's process and every process below it. In a PID namespace killing the
         * launcher is enough (its PID 1 dies, and the kernel with it every process of the namespace);
         * without one, the descendants found now are killed too.
         */
        private void endProcesses() {
            List<ProcessHandle> below = process.toHandle().descendants().toList();
            process.destroyForcibly();
            below.forEach(ProcessHandle::destroyForcibly);
            if (cgroup != null) {
                process.onExit().thenRun(this::removeCgroup);
            }
        }

        private void removeCgroup() {
            KernelJvm.removeCgroup(cgroup, TimeUnit.SECONDS.toNanos(10));
        }

        @Override
        protected synchronized VirtualMachine vm() throws EngineTerminationException {
            if (vm == null) {
                throw new EngineTerminationException("the kernel's JVM is gone");
            }
            return vm;
        }
    }
}
