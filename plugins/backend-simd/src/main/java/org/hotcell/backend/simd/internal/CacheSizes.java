package org.hotcell.backend.simd.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The per-core L2 data cache size of the machine at hand, which decides how the backend splits a product's
 * weights between threads (a share that fits stays in its core's L2 from step to step). Machines differ: the
 * Zen 4 VMs this was tuned on had 1 MiB per core, an AVX2 one 512 KiB, so it is read rather than assumed.
 *
 * <p>Read once, in this order: the system property {@code hotcell.l2Bytes} (bytes, or with a {@code K} or
 * {@code M} suffix); Linux's {@code /sys/devices/system/cpu/cpu0/cache/index*} (the unified or data cache of
 * level 2); else {@link #FALLBACK_L2_BYTES}, the smaller of the sizes measured on, so that a machine we cannot
 * read errs towards sharing work out rather than towards a share that does not fit.
 */
public final class CacheSizes {
    /** The property that overrides what is read from the machine. */
    public static final String L2_PROPERTY = "hotcell.l2Bytes";

    /** Used where the machine does not say (not Linux, or no sysfs). */
    static final long FALLBACK_L2_BYTES = 512 * 1024;

    private static final Path CPU0_CACHE = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** Bytes of L2 per core (see the class comment for where it comes from). */
    public static final long L2_BYTES = l2Bytes();

    private CacheSizes() {
    }

    private static long l2Bytes() {
        String override = System.getProperty(L2_PROPERTY);
        if (override != null) {
            return parseSize(override).orElseThrow(() -> new IllegalArgumentException(
                    "-D" + L2_PROPERTY + " must be a size in bytes such as 1048576, 1024K or 1M, got '"
                            + override + "'"));
        }
        return fromSysfs(CPU0_CACHE).orElse(FALLBACK_L2_BYTES);
    }

    /**
     * The size of the level-2 data or unified cache listed under {@code cacheDir} (a sysfs {@code cache}
     * folder, one {@code index*} folder per cache), or empty when there is none or it cannot be read.
     */
    static OptionalLong fromSysfs(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> entries = Files.list(cacheDir)) {
            for (Path index : entries.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                String level = read(index.resolve("level"));
                String type = read(index.resolve("type"));
                if ("2".equals(level) && ("Unified".equals(type) || "Data".equals(type))) {
                    OptionalLong size = parseSize(read(index.resolve("size")));
                    if (size.isPresent()) {
                        return size;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable sysfs is not an error: the fallback serves.
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** {@code 1048576}, {@code 1024K} or {@code 1M} (case-insensitive) in bytes; empty when not a positive size. */
    static OptionalLong parseSize(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("K")) {
            unit = 1024;
        } else if (s.endsWith("M")) {
            unit = 1024 * 1024;
        }
        if (unit != 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            long value = Long.parseLong(s);
            return value > 0 && value <= Long.MAX_VALUE / unit ? OptionalLong.of(value * unit) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file).strip() : "";
    }
}
