package org.hotcell.backend.simd.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux's per-thread CPU calls ({@code sched_getcpu}, {@code gettid}, {@code sched_getaffinity},
 * {@code sched_setaffinity}), reached through the Foreign Function API, for {@link SpinTeam}'s placement of its
 * workers.
 *
 * <p>The project compiles for Java 21, where that API is a preview, so it is bound by reflection, once, and only
 * on Java 22 or later. It is {@link #AVAILABLE} only on Linux when the JVM grants this code native access
 * ({@code --enable-native-access=ALL-UNNAMED}, or {@code =org.hotcell.backend.simd} on the module path); it
 * asks first rather than call a restricted method and have the JVM print a warning in the host's console.
 * {@link #UNAVAILABLE_BECAUSE} says why not, for the backend's description.
 *
 * <p>Every call that binds has its handle typed with primitives only (a pointer passed as a {@code long}, which
 * the x86-64 and AArch64 calling conventions pass as they pass a pointer), so calls through it need no
 * foreign types at compile time. CPU sets are bit sets of {@code long} words, as the kernel's
 * {@code cpu_set_t}.
 */
public final class CpuAffinity {
    /** Words of a CPU set: 8,192 CPUs, far more than any machine this runs on. */
    static final int WORDS = 128;

    private static final Binding BINDING;
    /** True where the calls below work; see the class comment. */
    public static final boolean AVAILABLE;
    /** Empty when {@link #AVAILABLE}, else why not, in words for a user. */
    public static final String UNAVAILABLE_BECAUSE;

    static {
        Binding binding = null;
        String why;
        try {
            why = obstacle();
            if (why.isEmpty()) {
                binding = new Binding();
                if (binding.currentCpu() < 0) {
                    why = "sched_getcpu failed";
                    binding = null;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            why = "the Foreign Function API could not bind Linux's scheduler calls (" + e + ")";
        }
        BINDING = binding;
        AVAILABLE = binding != null;
        UNAVAILABLE_BECAUSE = why;
    }

    private CpuAffinity() {
    }

    /** Why the calls cannot be bound here, or "" when nothing stands in the way. */
    private static String obstacle() throws ReflectiveOperationException {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "not Linux";
        }
        if (Runtime.version().feature() < 22) {
            return "needs Java 22 or later (the Foreign Function API)";
        }
        Module module = CpuAffinity.class.getModule();
        boolean granted = (boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
        if (!granted) {
            return "the JVM was not started with --enable-native-access="
                    + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
        }
        return "";
    }

    /** The CPU the calling thread runs on now; -1 when {@link #AVAILABLE} is false or the call fails. */
    public static int currentCpu() {
        return AVAILABLE ? BINDING.currentCpu() : -1;
    }

    /** The calling thread's kernel thread id; -1 when {@link #AVAILABLE} is false or the call fails. */
    public static int currentThreadId() {
        return AVAILABLE ? BINDING.currentThreadId() : -1;
    }

    /** The CPUs the calling thread may run on, as a bit set; null when not {@link #AVAILABLE} or the call fails. */
    public static long[] allowedCpus() {
        return AVAILABLE ? BINDING.allowedCpus() : null;
    }

    /** Lets thread {@code threadId} (0: the caller) run only on {@code cpus}; false when the call failed. */
    public static boolean allow(int threadId, long[] cpus) {
        return AVAILABLE && BINDING.allow(threadId, cpus);
    }

    /** {@code cpus} without {@code cpu}, or {@code cpus} itself when nothing else would be left. */
    public static long[] without(long[] cpus, int cpu) {
        int word = cpu >>> 6;
        if (cpu < 0 || word >= cpus.length || (cpus[word] & (1L << cpu)) == 0) {
            return cpus;
        }
        long[] rest = cpus.clone();
        rest[word] &= ~(1L << cpu);
        for (long w : rest) {
            if (w != 0) {
                return rest;
            }
        }
        return cpus;
    }

    /** The bound handles and one native buffer for CPU sets, used under this object's lock. */
    private static final class Binding {
        private final MethodHandle getCpu;
        private final MethodHandle getTid;
        private final MethodHandle getAffinity;
        private final MethodHandle setAffinity;
        /** {@code (long offset)long} and {@code (long offset, long value)void} on the buffer. */
        private final MethodHandle readWord;
        private final MethodHandle writeWord;
        private final long buffer;

        Binding() throws ReflectiveOperationException {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
            Class<?> longLayoutType = Class.forName("java.lang.foreign.ValueLayout$OfLong");
            Object intLayout = valueLayout.getField("JAVA_INT").get(null);
            Object longLayout = valueLayout.getField("JAVA_LONG").get(null);

            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
            Method find = lookupType.getMethod("find", String.class);
            Method describe = descriptorType.getMethod("of", layoutType, layoutType.arrayType());
            Method downcall = linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                    optionType.arrayType());
            // sched_getcpu and gettid neither block nor call back: no thread-state change around them.
            Object quick = Array.newInstance(optionType, 1);
            Array.set(quick, 0, optionType.getMethod("critical", boolean.class).invoke(null, false));
            Object plain = Array.newInstance(optionType, 0);

            getCpu = bind(downcall, linker, symbol(find, lookup, "sched_getcpu"),
                    describe.invoke(null, intLayout, layouts(layoutType)), quick);
            getTid = bind(downcall, linker, symbol(find, lookup, "gettid"),
                    describe.invoke(null, intLayout, layouts(layoutType)), quick);
            Object affinityCall = describe.invoke(null, intLayout,
                    layouts(layoutType, intLayout, longLayout, longLayout));
            getAffinity = bind(downcall, linker, symbol(find, lookup, "sched_getaffinity"), affinityCall, plain);
            setAffinity = bind(downcall, linker, symbol(find, lookup, "sched_setaffinity"), affinityCall, plain);

            Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
            Object arena = arenaType.getMethod("global").invoke(null);
            Object segment = arenaType.getMethod("allocate", long.class, long.class)
                    .invoke(arena, (long) WORDS * Long.BYTES, (long) Long.BYTES);
            buffer = (long) segmentType.getMethod("address").invoke(segment);
            MethodHandles.Lookup publicLookup = MethodHandles.publicLookup();
            readWord = MethodHandles.insertArguments(publicLookup.findVirtual(segmentType, "get",
                    MethodType.methodType(long.class, longLayoutType, long.class)), 0, segment, longLayout);
            writeWord = MethodHandles.insertArguments(publicLookup.findVirtual(segmentType, "set",
                    MethodType.methodType(void.class, longLayoutType, long.class, long.class)), 0, segment, longLayout);
        }

        private static Object symbol(Method find, Object lookup, String name) throws ReflectiveOperationException {
            Optional<?> found = (Optional<?>) find.invoke(lookup, name);
            return found.orElseThrow(() -> new NoSuchMethodException("no native symbol " + name));
        }

        private static Object layouts(Class<?> layoutType, Object... layouts) {
            Object array = Array.newInstance(layoutType, layouts.length);
            for (int i = 0; i < layouts.length; i++) {
                Array.set(array, i, layouts[i]);
            }
            return array;
        }

        private static MethodHandle bind(Method downcall, Object linker, Object symbol, Object descriptor,
                                         Object options) throws ReflectiveOperationException {
            return (MethodHandle) downcall.invoke(linker, symbol, descriptor, options);
        }

        // The calls below answer a failure with -1, null or false rather than throw: placement is an
        // optimisation, and a team's job must go on without it.

        int currentCpu() {
            try {
                return (int) getCpu.invokeExact();
            } catch (Throwable t) {
                return -1;
            }
        }

        int currentThreadId() {
            try {
                return (int) getTid.invokeExact();
            } catch (Throwable t) {
                return -1;
            }
        }

        synchronized long[] allowedCpus() {
            try {
                if ((int) getAffinity.invokeExact(0, (long) WORDS * Long.BYTES, buffer) != 0) {
                    return null;
                }
                long[] cpus = new long[WORDS];
                for (int i = 0; i < WORDS; i++) {
                    cpus[i] = (long) readWord.invokeExact((long) i * Long.BYTES);
                }
                return cpus;
            } catch (Throwable t) {
                return null;
            }
        }

        synchronized boolean allow(int threadId, long[] cpus) {
            try {
                for (int i = 0; i < WORDS; i++) {
                    long word = i < cpus.length ? cpus[i] : 0;
                    writeWord.invokeExact((long) i * Long.BYTES, word);
                }
                return (int) setAffinity.invokeExact(threadId, (long) WORDS * Long.BYTES, buffer) == 0;
            } catch (Throwable t) {
                return false;
            }
        }
    }
}
