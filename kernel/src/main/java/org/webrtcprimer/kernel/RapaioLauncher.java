package org.webrtcprimer.kernel;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoReply;
import org.rapaio.org.zeromq.ZMQ; // rapaio bundles ZeroMQ (jeromq) under its own package

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.LogManager;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 for a Jupyter connection file, as its own {@code MainApp}
 * does, with the fixes the kit needs:
 *
 * <ol>
 * <li><b>No start-up race.</b> rapaio's {@code Channels.connect} binds the sockets (starting their
 *     threads) before it installs the message handlers. A {@code kernel_info_request} that
 *     arrives in between kills the shell thread with a {@code NullPointerException}
 *     ({@code this.handlers is null}) and Jupyter then waits 60 s for a kernel that will never
 *     answer. Measured here: 3 of 5 starts under {@code nbconvert --execute}. The launcher
 *     installs the handlers (and registers the channels with the kernel) before binding.</li>
 * <li><b>No silently dead channel.</b> rapaio's {@code LoopThread.start()} sets its
 *     {@code running} flag only after {@code Thread.start()}: a loop thread scheduled at once sees
 *     {@code false} and ends without a word. On a busy machine this kills the shell, control or
 *     heartbeat loop in about one start out of three (measured here: 4 of 12 starts never
 *     answered). The launcher waits until each loop has either entered its loop (sleeping
 *     between polls) or ended, and replaces an ended one with a new loop over the same body,
 *     flagged as running before it starts.</li>
 * <li><b>A clean exit.</b> When Jupyter shuts the kernel down (or restarts it), rapaio closes its
 *     channels and returns from {@code main}; the JVM then still waits for every non-daemon
 *     thread: the kernel's own cell-thread pool (idle for up to 60 s) and the native threads of a
 *     live WebRTC engine (forever). Jupyter resorts to SIGTERM after 2.5 s. The launcher ends the
 *     JVM itself once the channels are closed, with exit code 0, as IJava does.</li>
 * <li><b>An interrupt that interrupts.</b> rapaio's Kernel &gt; Interrupt cancels the running cell,
 *     then also shuts down the cell executor and stops JShell: every later cell is answered
 *     {@code ok} without running, until a restart. And its control thread handles the interrupt
 *     through state it shares with the shell thread (the current message id, the stack of
 *     after-actions), so the interrupted cell's own reply goes out with no parent and is lost.
 *     The launcher takes over the control loop: an {@code interrupt_request} cancels the running
 *     cell only and is answered on the control channel; the cell ends with rapaio's
 *     "Execution interrupted" error, and the next cells run. Other control messages (shutdown)
 *     go to rapaio's handlers as before.</li>
 * <li><b>A cell read when it arrives.</b> rapaio's shell loop polls its socket without waiting and
 *     then sleeps 50 ms, so every request (each cell's {@code execute_request}, the
 *     {@code kernel_info_request} at start) lay 25 ms on average, up to 50, before the kernel read
 *     it. The launcher's loop waits in a ZeroMQ poll instead, up to those 50 ms, and reads a
 *     message as soon as it is there: no busier when idle, and no wait per cell. The control
 *     thread, which also sends on the shell socket, takes turns with it ({@link #SHELL_SOCKET}).</li>
 * <li><b>The names IJava and JJava see.</b> Those kernels star-import ten JDK packages before a
 *     notebook's first cell; rapaio's own start-up script imports seven of them. The launcher
 *     imports the missing ones ({@link #IJAVA_STARTUP_PACKAGES}), so a lesson that runs here
 *     meets the names it meets there: a kit type that shared its simple name with a type in one
 *     of those packages would make a cell fail to compile here too, in every notebook test.</li>
 * </ol>
 *
 * <p>It also keeps rapaio's per-message INFO log off the Jupyter console (warnings still show).
 *
 * <p>Usage (the kit's kernelspec):
 * {@code java -cp rapaio-jupyter-kernel.jar:webrtc-primer-kernel.jar org.webrtcprimer.kernel.RapaioLauncher {connection_file}}
 */
public final class RapaioLauncher {
    private RapaioLauncher() {}

    /** How long shutdown hooks may run before the JVM is halted anyway (Jupyter sends SIGTERM at 2.5 s). */
    static final long EXIT_GRACE_MILLIS = 2000;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp rapaio-jupyter-kernel.jar:webrtc-primer-kernel.jar "
                    + RapaioLauncher.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("connection file '" + connectionFile + "' is not a file");
            System.exit(2);
        }
        long mainEntered = System.currentTimeMillis();
        CellProfile profile = CellProfile.fromEnvironment(); // ./primer profile: where the start's and each cell's time goes
        CellProfile.StartSampler startSampler = profile == null ? null : profile.sampleStart(Thread.currentThread());
        quietLogging();

        RapaioKernel kernel = MainApp.kernel; // built by MainApp's initialiser, as under MainApp.main
        importWhatIJavaImports(kernel.javaEngine().getShell());
        ConnectionProperties props = Transform.fromJson(Files.readString(connectionFile), ConnectionProperties.class);
        Channels channels = new Channels(props);
        kernel.registerChannels(channels);
        installHandlers(channels, kernel);
        channels.connect(kernel); // binds; installs the same handlers again
        reviveLoopsThatLostTheStartRace(channels);
        wakeShellOnMessage(channels);
        takeOverInterrupts(channels, kernel);
        if (profile != null) {
            profile.install(channels, kernel);
            profile.started(mainEntered, startSampler);
        }
        try {
            channels.joinUntilClose();
        } finally {
            exit();
        }
    }

    /**
     * The packages IJava 1.3.0 and JJava star-import at start-up (their start-up scripts), in
     * their order. The library's tests hold the same list (portability.KernelImports) for the
     * JDK names a kit type must not take; the module notebook notebook-layer.ipynb uses one type
     * of each package unqualified, so the notebook tests fail if one is not imported here.
     */
    static final List<String> IJAVA_STARTUP_PACKAGES = List.of("java.util", "java.io", "java.math", "java.net", "java.time",
            "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    /** Star-imports each of {@link #IJAVA_STARTUP_PACKAGES} that rapaio's start-up script did not. */
    static void importWhatIJavaImports(JShell shell) {
        java.util.Set<String> have = new java.util.HashSet<>();
        shell.imports().forEach(i -> have.add(i.fullname()));
        for (String p : IJAVA_STARTUP_PACKAGES) {
            if (have.contains(p + ".*")) continue;
            for (SnippetEvent e : shell.eval("import " + p + ".*;")) {
                if (e.status() == Snippet.Status.REJECTED) {
                    System.err.println("[webrtc-primer] could not import " + p + ".* at start-up: cells that need it will not compile");
                }
            }
        }
    }

    /** The handler table {@code Channels.connect} of rapaio 3.0.1 builds, installed before binding. */
    static void installHandlers(Channels channels, RapaioKernel kernel) throws ReflectiveOperationException {
        Map<MessageType<?>, MessageHandler<?>> handlers = new HashMap<>();
        put(handlers, MessageType.SHELL_EXECUTE_REQUEST, kernel::handleExecuteRequest);
        put(handlers, MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
        put(handlers, MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        put(handlers, MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
        put(handlers, MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
        put(handlers, MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
        put(handlers, MessageType.CONTROL_SHUTDOWN_REQUEST, kernel::handleShutdownRequest);
        put(handlers, MessageType.CONTROL_INTERRUPT_REQUEST, kernel::handleInterruptRequest);
        put(handlers, MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
        put(handlers, MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
        put(handlers, MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
        put(handlers, MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
        field(Channels.class, "handlers").set(channels, handlers);
    }

    /** Replaces each channel loop thread that ended before looping (see the class comment). */
    static void reviveLoopsThatLostTheStartRace(Channels channels) throws Exception {
        for (String channelField : List.of("heartbeat", "shell", "control")) {
            Object channel = field(Channels.class, channelField).get(channels);
            Field loopField = field(channel.getClass(), "loopThread");
            LoopThread loop = (LoopThread) loopField.get(channel);
            if (loop == null || !endedBeforeLooping(loop)) continue;
            LoopThread fresh = new LoopThread(loop.getName(),
                    (long) field(LoopThread.class, "sleep").get(loop),
                    (Runnable) field(LoopThread.class, "loopBody").get(loop));
            field(LoopThread.class, "running").set(fresh, true);
            fresh.start();
            loopField.set(channel, fresh);
            System.err.println("[webrtc-primer] restarted rapaio's " + channelField + " loop, which had ended at start-up");
        }
    }

    /**
     * Who uses the shell socket besides the shell loop: rapaio answers a control-channel
     * {@code shutdown_request} (and would answer a {@code kernel_info_request}, which Jupyter's
     * server sends there at every connect, but the control loop below now answers that on the
     * control socket) through the shell socket, from the control thread. A ZeroMQ socket
     * must not be used by two threads at once, and the shell loop below spends its idle time
     * inside a ZeroMQ poll of that socket (rapaio's own loop spent it asleep): without this lock a
     * hub student's kernel lost its shell loop at connect (ClosedChannelException). The lock covers
     * the shell loop's wait only, not rapaio's body (which may run a cell for minutes), so the
     * body's own use of the socket races the control thread as rarely as under rapaio's own loop.
     * Fair, so the control thread gets the socket at the end of the current wait (at most 50 ms).
     */
    static final ReentrantLock SHELL_SOCKET = new ReentrantLock(true);

    /** Set by the control loop just before it closes the channels: the shell loop then stops touching its socket. */
    static volatile boolean closing;

    /** Replaces rapaio's shell loop (poll, then sleep) with one that waits in the poll (see the class comment). */
    static void wakeShellOnMessage(Channels channels) throws Exception {
        AbstractChannel shell = (AbstractChannel) field(Channels.class, "shell").get(channels);
        Field loopField = field(shell.getClass(), "loopThread");
        LoopThread old = (LoopThread) loopField.get(shell);
        long sleep = (long) field(LoopThread.class, "sleep").get(old);
        Runnable body = (Runnable) field(LoopThread.class, "loopBody").get(old);
        // Stopped between two polls, as the control loop is below (an interrupt would close ZeroMQ's selector).
        old.shutdown();
        old.join(10_000);
        if (old.isAlive()) throw new IllegalStateException("rapaio's shell loop did not stop");
        ZMQ.Socket socket = (ZMQ.Socket) field(AbstractChannel.class, "socket").get(shell);
        ZMQ.Poller poller = ((ZMQ.Context) field(AbstractChannel.class, "ctx").get(shell)).poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        // Waits for a message (or rapaio's sleep), then runs rapaio's own body, whose poll then finds it.
        LoopThread loop = new LoopThread(old.getName(), 0, () -> {
            if (closing) {
                pause(sleep); // rapaio's pace until its loop sees the shutdown flag
                return;
            }
            // Only the wait holds the lock: rapaio's body may run a cell, for as long as the cell runs.
            SHELL_SOCKET.lock();
            try {
                if (!closing) poller.poll(sleep);
            } finally {
                SHELL_SOCKET.unlock();
            }
            if (closing) return;
            try {
                body.run();
            } catch (RuntimeException e) {
                if (!closing) throw e; // closed under rapaio's poll at shutdown: nothing to report
            }
        });
        field(LoopThread.class, "running").set(loop, true);
        loop.start();
        loopField.set(shell, loop);
    }

    /** rapaio's own kernel_info content (a private method of RapaioKernel 3.0.1). */
    private static ShellKernelInfoReply kernelInfo(RapaioKernel kernel) {
        try {
            Method m = RapaioKernel.class.getDeclaredMethod("kernelInfo");
            m.setAccessible(true);
            return (ShellKernelInfoReply) m.invoke(kernel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("rapaio's kernel info is not readable: " + e, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Replaces rapaio's control loop with one that handles an interrupt without side effects (see the class comment). */
    static void takeOverInterrupts(Channels channels, RapaioKernel kernel) throws Exception {
        AbstractChannel control = (AbstractChannel) field(Channels.class, "control").get(channels);
        AbstractChannel iopub = (AbstractChannel) field(Channels.class, "iopub").get(channels);
        Field loopField = field(control.getClass(), "loopThread");
        LoopThread old = (LoopThread) loopField.get(control);
        long sleep = (long) field(LoopThread.class, "sleep").get(old);
        // Stop rapaio's loop between two polls (not interrupted: an interrupt would close ZeroMQ's selector).
        old.shutdown();
        old.join(10_000);
        if (old.isAlive()) throw new IllegalStateException("rapaio's control loop did not stop");

        Object engine = field(RapaioKernel.class, "javaEngine").get(kernel);
        RapaioExecutionControlProvider provider = (RapaioExecutionControlProvider) field(engine.getClass(), "controlProvider").get(engine);
        String executionId = (String) field(engine.getClass(), "executionId").get(engine);
        ZMQ.Socket socket = (ZMQ.Socket) field(AbstractChannel.class, "socket").get(control);
        ZMQ.Poller poller = ((ZMQ.Context) field(AbstractChannel.class, "ctx").get(control)).poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);

        LoopThread loop = new LoopThread(old.getName(), sleep, () -> {
            if (poller.poll(0) <= 0) return;
            Message<?> message = control.readMessage();
            MessageType<?> type = message.header().type();
            if (type.name().equals(MessageType.CONTROL_INTERRUPT_REQUEST.name())) {
                MessageId<?> id = message.getId();
                iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.BUSY));
                RapaioExecutionControl cells = provider.getRegisteredControl(executionId);
                if (cells != null) cells.interrupt(); // cancels the running cell's task, nothing else
                control.sendMessage(new Message<>(id, MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
                iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.IDLE));
                return;
            }
            if (type.name().equals(MessageType.SHELL_KERNEL_INFO_REQUEST.name())) {
                // Jupyter's server sends one here at every connect. rapaio would answer through the
                // shell socket, from this thread; answered on the control socket, where the protocol
                // puts the reply, so this thread never touches the shell socket for it.
                MessageId<?> id = message.getId();
                iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.BUSY));
                control.sendMessage(new Message<>(id, MessageType.SHELL_KERNEL_INFO_REPLY, kernelInfo(kernel)));
                iopub.sendMessage(new Message<>(id, MessageType.IOPUB_STATUS, IOPubStatus.IDLE));
                return;
            }
            // anything else (shutdown): what rapaio's own control loop does
            @SuppressWarnings({"rawtypes", "unchecked"})
            MessageHandler<Object> handler = (MessageHandler) channels.getHandler(type);
            if (handler == null) {
                System.err.println("[webrtc-primer] unhandled control message: " + type.name());
                return;
            }
            // rapaio answers these through the shell socket: take it from the shell loop first
            SHELL_SOCKET.lock();
            try {
                channels.setMsgId(message.getId());
                try {
                    @SuppressWarnings({"rawtypes", "unchecked"})
                    Message<Object> m = (Message) message;
                    handler.handle(m);
                } catch (Exception e) {
                    System.err.println("[webrtc-primer] control message " + type.name() + " failed: " + e);
                } finally {
                    channels.runAfterActions();
                }
                if (channels.isMarkedForShutdown()) {
                    closing = true;
                    channels.close();
                }
            } finally {
                SHELL_SOCKET.unlock();
            }
        });
        field(LoopThread.class, "running").set(loop, true);
        loop.start();
        loopField.set(control, loop);
    }

    /** Waits until a loop thread sleeps between polls (alive and looping) or has ended; true if ended. */
    private static boolean endedBeforeLooping(Thread loop) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.State state = loop.getState();
            if (state == Thread.State.TERMINATED) return true;
            if (state == Thread.State.TIMED_WAITING) return false;
            Thread.sleep(1);
        }
        return !loop.isAlive();
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static <T> void put(Map<MessageType<?>, MessageHandler<?>> handlers, MessageType<T> type, MessageHandler<T> handler) {
        handlers.put(type, handler);
    }

    private static void quietLogging() {
        String config = "handlers=java.util.logging.ConsoleHandler\n"
                + ".level=WARNING\n"
                + "java.util.logging.ConsoleHandler.level=WARNING\n"
                + "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter\n"
                + "java.util.logging.SimpleFormatter.format=[%1$tF %1$tT] [%4$-7s] %5$s %n\n";
        try {
            LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception ignored) {
            // rapaio's default logging then
        }
    }

    /** Ends the JVM: shutdown hooks get {@link #EXIT_GRACE_MILLIS}, then it halts. */
    static void exit() {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "webrtc-primer-exit-guard");
        guard.setDaemon(true);
        guard.start();
        System.exit(0);
    }
}
