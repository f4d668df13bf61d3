package org.webrtcprimer.kernel;

import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Where a cell's time goes, for {@code ./primer profile}: with {@code PRIMER_PROFILE=FILE} in the
 * kernel's environment the launcher appends one JSON line per executed cell to FILE:
 *
 * <ul>
 *   <li>{@code ms}: the execute request, from its arrival to its reply (rapaio's handler);</li>
 *   <li>{@code run_ms}: the time the cell's code ran — JShell hands each snippet's compiled method
 *       to rapaio's execution control, which runs it on a thread of its own: the profile times those
 *       tasks;</li>
 *   <li>{@code compile_ms}: the rest of the request — JShell analysing and compiling the snippets
 *       (javac), defining their classes, and rapaio sending the outputs;</li>
 *   <li>{@code waits}: while the code ran, the cell's thread was sampled every
 *       {@value #SAMPLE_MILLIS} ms; a sample in which it was blocked or waiting is counted under the
 *       innermost {@code org.webrtcprimer} method on its stack (the kit's own wait, such as
 *       {@code LocalCall.awaitConnected}), or under "outside the kit";</li>
 *   <li>{@code classload_ms}: samples in which it was loading or linking a class.</li>
 * </ul>
 *
 * Sampled figures are multiples of the sampling period, good to about {@value #SAMPLE_MILLIS} ms per
 * wait. Without the variable nothing of this is installed.
 */
final class CellProfile {
    static final long SAMPLE_MILLIS = 5;

    private final Path file;
    private final Object lock = new Object();
    private final List<long[]> tasks = new ArrayList<>();   // start, end nanos
    private volatile Thread running;                          // the cell thread while a task runs
    private final Map<String, Long> waits = new LinkedHashMap<>();
    private long classLoadSamples, busySamples;
    private final Map<String, Long> outside = new LinkedHashMap<>(); // the shell thread, while no task runs
    private volatile Thread shell;                                   // the shell thread while a request is handled
    private long taskCpu;                                            // nanos of CPU the tasks used
    private int cell;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    private CellProfile(Path file) {
        this.file = file;
    }

    /** The profile asked for by {@code PRIMER_PROFILE}, or null. */
    static CellProfile fromEnvironment() {
        String f = System.getenv("PRIMER_PROFILE");
        return f == null || f.isBlank() ? null : new CellProfile(Path.of(f));
    }

    /** One line about the start: when the JVM started, and when the launcher had bound the channels. */
    void started(long mainEnteredMillis, StartSampler sampler) {
        long jvm = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
        long cpu = processCpu();
        write(String.format(Locale.ROOT, "{\"start\": true, \"jvm_to_main_ms\": %d, \"main_to_bound_ms\": %d, \"process_cpu_ms\": %.1f, "
                        + "\"main_thread_cpu_ms\": %.1f, \"samples\": %s}",
                jvm < 0 ? -1 : mainEnteredMillis - jvm, System.currentTimeMillis() - mainEnteredMillis, cpu / 1e6,
                threads.getCurrentThreadCpuTime() / 1e6, sampler.finish()));
    }

    /**
     * Wraps the execute handler of {@code channels} (after {@code Channels.connect}, which installs its
     * own table) and the execution control's executor, so each cell is timed.
     */
    void install(Channels channels, RapaioKernel kernel) throws ReflectiveOperationException {
        Object engine = field(RapaioKernel.class, "javaEngine").get(kernel);
        RapaioExecutionControlProvider provider = (RapaioExecutionControlProvider) field(engine.getClass(), "controlProvider").get(engine);
        String executionId = (String) field(engine.getClass(), "executionId").get(engine);
        RapaioExecutionControl control = provider.getRegisteredControl(executionId);
        if (control == null) throw new IllegalStateException("rapaio's execution control is not registered yet");
        Field executor = field(RapaioExecutionControl.class, "executor");
        executor.set(control, new Timed((ExecutorService) executor.get(control)));

        @SuppressWarnings("unchecked")
        Map<MessageType<?>, MessageHandler<?>> handlers = (Map<MessageType<?>, MessageHandler<?>>) field(Channels.class, "handlers").get(channels);
        @SuppressWarnings("unchecked")
        MessageHandler<ShellExecuteRequest> inner = (MessageHandler<ShellExecuteRequest>) handlers.get(MessageType.SHELL_EXECUTE_REQUEST);
        MessageHandler<ShellExecuteRequest> timed = message -> timeCell(inner, message);
        handlers.put(MessageType.SHELL_EXECUTE_REQUEST, timed);

        Thread sampler = new Thread(this::sample, "webrtc-primer-cell-profile");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void timeCell(MessageHandler<ShellExecuteRequest> inner, Message<ShellExecuteRequest> message) {
        synchronized (lock) {
            tasks.clear();
            waits.clear();
            classLoadSamples = 0;
            busySamples = 0;
            outside.clear();
            taskCpu = 0;
        }
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime(), proc0 = processCpu();
        shell = Thread.currentThread();
        try {
            inner.handle(message);
        } finally {
            shell = null;
            long total = System.nanoTime() - t0;
            long shellCpu = threads.getCurrentThreadCpuTime() - cpu0, procCpu = processCpu() - proc0;
            StringBuilder line = new StringBuilder();
            synchronized (lock) {
                long run = 0;
                for (long[] t : tasks) run += (t[1] == 0 ? System.nanoTime() : t[1]) - t[0];
                line.append(String.format(Locale.ROOT, "{\"cell\": %d, \"ms\": %.1f, \"run_ms\": %.1f, \"compile_ms\": %.1f, \"tasks\": %d, "
                                + "\"classload_ms\": %d, \"busy_ms\": %d, \"waits\": {",
                        ++cell, total / 1e6, run / 1e6, Math.max(0, total - run) / 1e6, tasks.size(),
                        classLoadSamples * SAMPLE_MILLIS, busySamples * SAMPLE_MILLIS));
                appendSamples(line, waits);
                line.append(String.format(Locale.ROOT, ", \"shell_cpu_ms\": %.1f, \"task_cpu_ms\": %.1f, \"process_cpu_ms\": %.1f, \"outside\": {",
                        shellCpu / 1e6, taskCpu / 1e6, procCpu / 1e6));
                appendSamples(line, outside);
                line.append("}");
            }
            write(line.toString());
        }
    }

    private static void appendSamples(StringBuilder line, Map<String, Long> samples) {
        String sep = "";
        for (Map.Entry<String, Long> w : samples.entrySet()) {
            line.append(sep).append('"').append(escape(w.getKey())).append("\": ").append(w.getValue() * SAMPLE_MILLIS);
            sep = ", ";
        }
        line.append("}");
    }

    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /**
     * What the kernel's main thread does between the launcher's {@code main} and the bound channels,
     * sampled: call {@code stop} on the returned sampler, then {@link #started}.
     */
    StartSampler sampleStart(Thread main) {
        StartSampler s = new StartSampler(main);
        s.setDaemon(true);
        s.start();
        return s;
    }

    final class StartSampler extends Thread {
        private final Thread main;
        private final Map<String, Long> samples = new LinkedHashMap<>();
        private volatile boolean stop;

        StartSampler(Thread main) {
            super("webrtc-primer-start-profile");
            this.main = main;
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                StackTraceElement[] stack = main.getStackTrace();
                synchronized (samples) {
                    if (!stop) samples.merge(phase(stack), 1L, Long::sum);
                }
            }
        }

        String finish() {
            stop = true;
            StringBuilder b = new StringBuilder("{");
            synchronized (samples) {
                appendSamples(b, samples);
            }
            return b.toString();
        }
    }

    /** What a kernel thread outside the cell's code is doing, by the packages on its stack. */
    static String phase(StackTraceElement[] stack) {
        boolean javac = false, jshell = false, kit = false, zmq = false, mima = false, load = false;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("com.sun.tools.javac.") || c.startsWith("jdk.internal.shellsupport") || c.startsWith("com.sun.source.")) javac = true;
            else if (c.startsWith("jdk.jshell.")) jshell = true;
            else if (c.startsWith("org.webrtcprimer.") && !c.startsWith("org.webrtcprimer.kernel.")) kit = true;
            else if (c.contains(".zeromq.") || c.contains(".zmq.")) zmq = true;
            else if (c.startsWith("eu.maveniverse.") || c.contains(".aether.") || c.contains(".maven.")) mima = true;
            if ((c.endsWith("ClassLoader") || c.equals("java.lang.ClassLoader")) && e.getMethodName().startsWith("loadClass")) load = true;
        }
        String what = kit ? "the kit's code (rendering a result)" : javac ? "javac" : jshell ? "JShell" : mima ? "rapaio's dependency manager"
                : zmq ? "ZeroMQ" : "other";
        return load && !kit ? what + ", loading classes" : what;
    }

    private void sample() {
        while (true) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Thread t = running;
            if (t == null) {
                Thread sh = shell;
                if (sh == null) continue;
                String phase = phase(sh.getStackTrace());
                synchronized (lock) {
                    if (shell == sh && running == null) outside.merge(phase, 1L, Long::sum);
                }
                continue;
            }
            Thread.State state = t.getState();
            StackTraceElement[] stack = t.getStackTrace();
            synchronized (lock) {
                if (running != t) continue;
                if (state == Thread.State.RUNNABLE) {
                    busySamples++;
                    if (loadingClass(stack)) classLoadSamples++;
                } else {
                    waits.merge(kitFrame(stack), 1L, Long::sum);
                }
            }
        }
    }

    private static boolean loadingClass(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if ((c.endsWith("ClassLoader") || c.equals("java.lang.ClassLoader")) && (e.getMethodName().startsWith("loadClass")
                    || e.getMethodName().startsWith("defineClass") || e.getMethodName().startsWith("findClass"))) return true;
            if (c.startsWith("org.webrtcprimer") || c.startsWith("REPL.")) return false; // reached the kit's or the cell's own frame
        }
        return false;
    }

    /** The innermost kit method on a waiting thread's stack: which of the kit's waits it is in. */
    private static String kitFrame(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("org.webrtcprimer.") && !c.startsWith("org.webrtcprimer.kernel.")) {
                String simple = c.substring(c.lastIndexOf('.') + 1).replace('$', '.');
                return simple + "." + e.getMethodName();
            }
            if (c.startsWith("REPL.")) return "the cell's own code";
        }
        return "outside the kit";
    }

    private void write(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[webrtc-primer] PRIMER_PROFILE: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** rapaio's cell executor, with each task's start and end noted and its thread made the sampled one. */
    private final class Timed extends AbstractExecutorService {
        private final ExecutorService inner;

        Timed(ExecutorService inner) {
            this.inner = inner;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return inner.submit(() -> {
                long[] span = {System.nanoTime(), 0};
                synchronized (lock) {
                    tasks.add(span);
                }
                running = Thread.currentThread();
                long cpu = threads.getCurrentThreadCpuTime();
                try {
                    return task.call();
                } finally {
                    synchronized (lock) {
                        running = null;
                        span[1] = System.nanoTime();
                        taskCpu += threads.getCurrentThreadCpuTime() - cpu;
                    }
                }
            });
        }

        @Override
        public void execute(Runnable command) {
            inner.execute(command);
        }

        @Override
        public void shutdown() {
            inner.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return inner.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return inner.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return inner.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return inner.awaitTermination(timeout, unit);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return inner.invokeAll(tasks);
        }
    }
}
