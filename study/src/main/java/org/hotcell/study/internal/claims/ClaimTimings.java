package org.hotcell.study.internal.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.registry.Registry;
import org.hotcell.study.internal.timing.ActivationTimings;
import org.hotcell.study.internal.timing.KernelTiming;
import org.hotcell.study.internal.timing.Samples;
import org.hotcell.study.internal.timing.StepTiming;
import org.hotcell.study.internal.timing.TrainingStepTimings;

/**
 * Measures claim 8's timings with the timing package: the kernels (about 10 s) and the training steps (about
 * 15 s), after every run has finished so that nothing else of the study competes for the cores.
 */
public final class ClaimTimings {
    private ClaimTimings() {
    }

    /** Kernel timings of {@code kernels} and training-step timings of {@code steps}. */
    public static Timings measure(Registry registry, List<String> kernels, List<String> steps) {
        Map<String, double[]> forward = new HashMap<>();
        Map<String, double[]> derivative = new HashMap<>();
        for (KernelTiming k : ActivationTimings.measure(registry, kernels, ActivationTimings.L1_ELEMENTS,
                ActivationTimings.DEFAULT_BUDGET)) {
            forward.put(k.activation(), values(k.apply()));
            derivative.put(k.activation(), values(k.derivative()));
        }
        Backend backend = registry.defaultBackend().withThreads(1);
        Map<String, double[]> millis = new HashMap<>();
        for (StepTiming s : TrainingStepTimings.measure(registry, backend, steps,
                TrainingStepTimings.DEFAULT_BUDGET)) {
            millis.put(s.candidate(), values(s.millis()));
        }
        return new Timings(forward, derivative, millis, machine(backend));
    }

    private static double[] values(Samples samples) {
        return samples.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The CPU model (from /proc/cpuinfo where there is one), processors, and the backend (its vector width). */
    static String machine(Backend backend) {
        String model = System.getProperty("os.arch");
        try {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (Files.isReadable(cpuinfo)) {
                model = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
            }
        } catch (IOException | RuntimeException e) {
            // The model name is a courtesy; the architecture will do.
        }
        return String.format(Locale.ROOT, "%s, %d processors, backend %s, Java %s", model,
                Runtime.getRuntime().availableProcessors(), backend.describe(), Runtime.version());
    }
}
