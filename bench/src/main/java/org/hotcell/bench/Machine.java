package org.hotcell.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the table header says about this machine, read from {@code /proc}: CPU model, vector flags, and the
 * OpenBLAS core type that gives Deeplearning4j's bundled OpenBLAS 0.3.19 (which does not recognise recent
 * CPUs and falls back to SSE3 kernels) the right kernels.
 */
final class Machine {
    private final String model;
    private final Set<String> flags;
    private final String vendor;

    private Machine(String model, String vendor, Set<String> flags) {
        this.model = model;
        this.vendor = vendor;
        this.flags = flags;
    }

    static Machine read() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return new Machine(field(lines, "model name"), field(lines, "vendor_id"),
                    Arrays.stream(field(lines, "flags").split("\\s+")).collect(Collectors.toSet()));
        } catch (IOException e) {
            return new Machine("unknown", "unknown", Set.of());
        }
    }

    /**
     * The OpenBLAS core type for this CPU: {@code SkylakeX} only with AVX-512F, {@code Zen} on an AMD CPU with
     * AVX2 and FMA, {@code Haswell} on another AVX2 CPU, none otherwise. An {@code OPENBLAS_CORETYPE} already
     * set in the environment wins.
     */
    String openBlasCoreType() {
        String preset = System.getenv("OPENBLAS_CORETYPE");
        if (preset != null && !preset.isBlank()) {
            return preset;
        }
        if (flags.contains("avx512f")) {
            return "SkylakeX";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return vendor.contains("AMD") ? "Zen" : "Haswell";
        }
        return "";
    }

    String describe() {
        String vector = flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : "no AVX2";
        return model + " (" + vector + (flags.contains("fma") ? ", FMA" : "") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)";
    }

    /** The 1-minute load average, or -1 where /proc/loadavg cannot be read. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "";
    }
}
