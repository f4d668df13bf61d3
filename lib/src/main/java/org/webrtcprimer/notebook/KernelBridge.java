package org.webrtcprimer.notebook;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The way to the Jupyter kernel this JVM serves, found by reflection: the library has no
 * compile-time dependency on any kernel. See {@code kernels.md} for the facts this relies on.
 *
 * <p>A bundle is an ordered map from MIME type to data ({@code text/html}, {@code text/plain},
 * {@code image/png} as base64). Every method may throw; {@link Notebook} catches and falls back to
 * plain text.
 */
abstract class KernelBridge {

    /** "rapaio", "IJava", "JJava" or "none". */
    abstract String name();

    /** Publishes a display_data message; {@code displayId} may be null. */
    abstract void display(Map<String, String> bundle, String displayId) throws Exception;

    /** Replaces the output published earlier under {@code displayId} (update_display_data). */
    abstract void update(Map<String, String> bundle, String displayId) throws Exception;

    /**
     * Teaches the kernel to render instances of {@code type} returned as a cell's last expression
     * with {@code render}. Returns true when it is in place (idempotent).
     */
    abstract boolean installRenderer(Class<?> type, Function<Object, Map<String, String>> render) throws Exception;

    /** Outside any kernel: a console, a test, a command. */
    static final KernelBridge NONE = new KernelBridge() {
        @Override String name() { return "none"; }
        @Override void display(Map<String, String> bundle, String displayId) { throw new UnsupportedOperationException(); }
        @Override void update(Map<String, String> bundle, String displayId) { throw new UnsupportedOperationException(); }
        @Override boolean installRenderer(Class<?> type, Function<Object, Map<String, String>> render) { return false; }
    };

    /** What {@code toString()} of our renderer proxies says, so a second install finds the first. */
    static final String MARKER = "webrtc-primer Renderable renderer";

    static final String RAPAIO_MAIN = "org.rapaio.jupyter.kernel.MainApp";
    /** The kit's own start-up class for rapaio (module kernel/), which runs instead of MainApp.main. */
    static final String KIT_LAUNCHER = "org.webrtcprimer.kernel.RapaioLauncher";

    /** Finds the running kernel, or {@link #NONE}. Never throws. */
    static KernelBridge detect() {
        for (ClassLoader cl : loaders()) {
            try {
                Object k = staticCall(cl, "io.github.spencerpark.ijava.IJava", "getKernelInstance");
                if (k != null) return new SpencerParkStyle("IJava", k, "io.github.spencerpark.jupyter.kernel");
            } catch (Throwable ignored) {
                // not IJava
            }
            try {
                // throws (NullPointerException) when the class is there but no kernel runs
                Object k = staticCall(cl, "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel");
                if (k != null) return new SpencerParkStyle("JJava", k, "org.dflib.jjava.jupyter.kernel");
            } catch (Throwable ignored) {
                // not JJava
            }
            try {
                // Reading MainApp.kernel initialises MainApp, which builds a kernel: only do it where
                // rapaio's main is actually running, never where its jar merely sits on a classpath.
                Class<?> main = Class.forName(RAPAIO_MAIN, false, cl);
                if (mainThreadRuns(RAPAIO_MAIN) || mainThreadRuns(KIT_LAUNCHER)) {
                    Object k = main.getField("kernel").get(null);
                    if (k != null) return new Rapaio(k, cl);
                }
            } catch (Throwable ignored) {
                // not rapaio
            }
        }
        return NONE;
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> list = new ArrayList<>();
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        if (tccl != null) list.add(tccl);
        ClassLoader own = KernelBridge.class.getClassLoader();
        if (own != null && own != tccl) list.add(own);
        return list;
    }

    private static Object staticCall(ClassLoader cl, String className, String method) throws Exception {
        Class<?> c = Class.forName(className, true, cl);
        return unwrap(() -> c.getMethod(method).invoke(null));
    }

    /** Whether the JVM's main thread (alive) has {@code className} on its stack. */
    static boolean mainThreadRuns(String className) {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!"main".equals(t.getName()) || t.getThreadGroup() == null || !"main".equals(t.getThreadGroup().getName())) {
                continue;
            }
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().equals(className)) return true;
            }
        }
        return false;
    }

    interface Call {
        Object run() throws Exception;
    }

    /** Runs a reflective call and rethrows what the target threw, not the InvocationTargetException. */
    static Object unwrap(Call call) throws Exception {
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error err) throw err;
            throw e;
        }
    }

    static Method method(Class<?> c, String name, Class<?>... params) throws NoSuchMethodException {
        Method m = c.getMethod(name, params);
        m.setAccessible(true); // the runtime class may be non-public; its packages are open (classpath)
        return m;
    }

    /** A proxy of a kernel interface whose {@code toString} is {@link #MARKER}. */
    static Object proxy(Class<?> iface, InvocationHandler onCall) {
        return Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[]{iface}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "toString" -> MARKER;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> null;
                };
            }
            return onCall.invoke(p, m, args);
        });
    }

    /**
     * rapaio-jupyter-kernel 3.x: {@code MainApp.kernel}, {@code DisplayData.withType/putData},
     * {@code kernel.display/updateDisplay}. Returned values go through
     * {@code DisplaySystem.inst().render(o)}, which asks its renderers in order.
     */
    static final class Rapaio extends KernelBridge {
        private final Object kernel;
        private final Class<?> ddClass;
        private final Method withType, putData, setDisplayId, display, updateDisplay;
        private final ClassLoader cl;

        Rapaio(Object kernel, ClassLoader cl) throws Exception {
            this.kernel = kernel;
            this.cl = cl;
            ddClass = Class.forName("org.rapaio.jupyter.kernel.display.DisplayData", false, cl);
            withType = method(ddClass, "withType", String.class, String.class);
            putData = method(ddClass, "putData", String.class, Object.class);
            setDisplayId = method(ddClass, "setDisplayId", String.class);
            display = method(kernel.getClass(), "display", ddClass);
            updateDisplay = method(kernel.getClass(), "updateDisplay", ddClass);
        }

        @Override String name() { return "rapaio"; }

        private Object displayData(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = null;
            for (Map.Entry<String, String> e : bundle.entrySet()) {
                if (dd == null) {
                    Object first = unwrap(() -> withType.invoke(null, e.getKey(), e.getValue()));
                    dd = first;
                } else {
                    Object target = dd;
                    unwrap(() -> putData.invoke(target, e.getKey(), e.getValue()));
                }
            }
            if (dd == null) throw new IllegalArgumentException("empty bundle");
            if (displayId != null) {
                Object target = dd;
                unwrap(() -> setDisplayId.invoke(target, displayId));
            }
            return dd;
        }

        @Override
        void display(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = displayData(bundle, displayId);
            unwrap(() -> display.invoke(kernel, dd));
        }

        @Override
        void update(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = displayData(bundle, displayId);
            unwrap(() -> updateDisplay.invoke(kernel, dd));
        }

        /**
         * Puts a renderer first in the display system's built-in list. Not the SPI list: that one
         * is rebuilt by {@code %jar} and {@code %dependency}, which would silently drop ours.
         */
        @Override
        @SuppressWarnings("unchecked")
        boolean installRenderer(Class<?> type, Function<Object, Map<String, String>> render) throws Exception {
            Class<?> ds = Class.forName("org.rapaio.jupyter.kernel.display.DisplaySystem", true, cl);
            Object inst = unwrap(() -> ds.getMethod("inst").invoke(null));
            Field f = ds.getDeclaredField("systemDisplayRenderers");
            f.setAccessible(true);
            List<Object> renderers = (List<Object>) f.get(inst);
            for (Object r : renderers) {
                if (Proxy.isProxyClass(r.getClass()) && MARKER.equals(r.toString())) {
                    // ours — but maybe from an earlier copy of the library; replace it if so
                    Object rc = unwrap(() -> r.getClass().getMethod("rendererClass").invoke(r));
                    if (rc == type) return true;
                }
            }
            renderers.removeIf(r -> Proxy.isProxyClass(r.getClass()) && MARKER.equals(r.toString()));
            Class<?> iface = Class.forName("org.rapaio.jupyter.kernel.display.DisplayRenderer", false, cl);
            Object renderer = proxy(iface, (p, m, args) -> switch (m.getName()) {
                case "rendererClass" -> type;
                case "canRender" -> true;
                case "render" -> {
                    String mime = (String) args[0];
                    Map<String, String> bundle = render.apply(args[1]);
                    if (mime != null && (mime.equals("text") || mime.equals("text/plain"))) {
                        bundle = Map.of("text/plain", bundle.getOrDefault("text/plain", String.valueOf(args[1])));
                    }
                    yield displayData(bundle, null);
                }
                default -> throw new UnsupportedOperationException(m.getName());
            });
            renderers.add(0, renderer);
            return true;
        }
    }

    /**
     * IJava (io.github.spencerpark.jupyter.kernel) and JJava (org.dflib.jjava.jupyter.kernel) share
     * one design: {@code new DisplayData()}, {@code putData}, {@code kernel.display(dd)},
     * {@code kernel.getIO().display.updateDisplay(dd)}, and a {@code Renderer} with registrations.
     */
    static final class SpencerParkStyle extends KernelBridge {
        private final String name;
        private final Object kernel;
        private final String pkg;
        private final Class<?> ddClass;
        private final Method putData, setDisplayId, display;
        private boolean rendererInstalled;

        SpencerParkStyle(String name, Object kernel, String pkg) throws Exception {
            this.name = name;
            this.kernel = kernel;
            this.pkg = pkg;
            ClassLoader cl = kernel.getClass().getClassLoader();
            ddClass = Class.forName(pkg + ".display.DisplayData", false, cl);
            putData = method(ddClass, "putData", String.class, Object.class);
            setDisplayId = method(ddClass, "setDisplayId", String.class);
            display = method(kernel.getClass(), "display", ddClass);
        }

        @Override String name() { return name; }

        private Object displayData(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = ddClass.getConstructor().newInstance();
            fill(dd, bundle);
            if (displayId != null) unwrap(() -> setDisplayId.invoke(dd, displayId));
            return dd;
        }

        private void fill(Object dd, Map<String, String> bundle) throws Exception {
            for (Map.Entry<String, String> e : bundle.entrySet()) {
                unwrap(() -> putData.invoke(dd, e.getKey(), e.getValue()));
            }
        }

        @Override
        void display(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = displayData(bundle, displayId);
            unwrap(() -> display.invoke(kernel, dd));
        }

        @Override
        void update(Map<String, String> bundle, String displayId) throws Exception {
            Object dd = displayData(bundle, displayId);
            Object io = unwrap(() -> method(kernel.getClass(), "getIO").invoke(kernel));
            Object stream = io.getClass().getField("display").get(io);
            unwrap(() -> method(stream.getClass(), "updateDisplay", ddClass).invoke(stream, dd));
        }

        @Override
        synchronized boolean installRenderer(Class<?> type, Function<Object, Map<String, String>> render) throws Exception {
            if (rendererInstalled) return true;
            ClassLoader cl = kernel.getClass().getClassLoader();
            Object renderer = unwrap(() -> method(kernel.getClass(), "getRenderer").invoke(kernel));
            Object registration = unwrap(() -> method(renderer.getClass(), "createRegistration", Class.class).invoke(renderer, type));
            unwrap(() -> method(registration.getClass(), "preferring", String[].class)
                    .invoke(registration, (Object) new String[]{"text/html"}));
            Class<?> fn = Class.forName(pkg + ".display.RenderFunction", false, cl);
            Object function = proxy(fn, (p, m, args) -> {
                if (!m.getName().equals("render")) throw new UnsupportedOperationException(m.getName());
                Object context = args[1];
                Object out = unwrap(() -> method(context.getClass(), "getOutputContainer").invoke(context));
                fill(out, render.apply(args[0]));
                return null;
            });
            unwrap(() -> method(registration.getClass(), "register", fn).invoke(registration, function));
            rendererInstalled = true;
            return true;
        }
    }
}
