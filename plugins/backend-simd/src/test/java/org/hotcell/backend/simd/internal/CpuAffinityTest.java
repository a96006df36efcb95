package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The scheduler calls against what Linux reports for the same thread under /proc. */
class CpuAffinityTest {

    @Test
    void withoutTakesOneCpuOutUnlessNothingWouldBeLeft() {
        long[] twoWords = {0b1011L, 1L};
        assertThat(CpuAffinity.without(twoWords, 1)).containsExactly(0b1001L, 1L);
        assertThat(CpuAffinity.without(twoWords, 64)).containsExactly(0b1011L, 0L);
        assertThat(CpuAffinity.without(twoWords, 2)).isSameAs(twoWords);
        assertThat(CpuAffinity.without(twoWords, 200)).isSameAs(twoWords);
        assertThat(CpuAffinity.without(twoWords, -1)).isSameAs(twoWords);
        long[] one = {0b100L};
        assertThat(CpuAffinity.without(one, 2)).isSameAs(one);
        assertThat(twoWords).containsExactly(0b1011L, 1L);
    }

    /** The build's test JVMs run with --enable-native-access=ALL-UNNAMED on Java 22+: the calls must bind there. */
    @Test
    void bindsOnLinuxWithNativeAccess() {
        assumeTrue(onLinux(), "Linux only");
        assumeTrue(Runtime.version().feature() >= 22, "the Foreign Function API is final from Java 22");
        assertThat(CpuAffinity.UNAVAILABLE_BECAUSE).isEmpty();
        assertThat(CpuAffinity.AVAILABLE).isTrue();
    }

    @Test
    void threadIdAndAllowedCpusAreThoseProcReports() throws IOException {
        assumeTrue(CpuAffinity.AVAILABLE, CpuAffinity.UNAVAILABLE_BECAUSE);
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        assertThat(CpuAffinity.currentThreadId()).isEqualTo(Integer.parseInt(self));
        long[] allowed = CpuAffinity.allowedCpus();
        assertThat(members(allowed)).isEqualTo(procAllowed(Path.of("/proc/thread-self")));
        assertThat(members(allowed)).contains(CpuAffinity.currentCpu());
    }

    /** On a thread of its own (the test runner's CPUs stay as they were): narrowed to one CPU, it runs there. */
    @Test
    void allowNarrowsAThreadToTheCpusGiven() throws Exception {
        assumeTrue(CpuAffinity.AVAILABLE, CpuAffinity.UNAVAILABLE_BECAUSE);
        List<Integer> allowed = members(CpuAffinity.allowedCpus());
        int last = allowed.get(allowed.size() - 1);
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                long[] only = new long[CpuAffinity.WORDS];
                only[last >>> 6] = 1L << last;
                boolean done = CpuAffinity.allow(0, only);
                seen.set(List.of(done, procAllowed(Path.of("/proc/thread-self")), CpuAffinity.currentCpu()));
            } catch (Throwable t) {
                seen.set(t);
            }
        });
        thread.start();
        thread.join();
        assertThat(seen.get()).isEqualTo(List.of(true, List.of(last), last));
    }

    static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** The CPUs of a bit set, in order. */
    static List<Integer> members(long[] cpus) {
        List<Integer> list = new ArrayList<>();
        for (int cpu = 0; cpu < cpus.length * 64; cpu++) {
            if ((cpus[cpu >>> 6] & (1L << cpu)) != 0) {
                list.add(cpu);
            }
        }
        return list;
    }

    /** The {@code Cpus_allowed_list} of a /proc task folder ("0-3,6"), expanded. */
    static List<Integer> procAllowed(Path task) throws IOException {
        String line = Files.readAllLines(task.resolve("status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow();
        List<Integer> cpus = new ArrayList<>();
        for (String range : line.substring(line.indexOf(':') + 1).trim().split(",")) {
            String[] ends = range.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[ends.length - 1]);
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }
}
