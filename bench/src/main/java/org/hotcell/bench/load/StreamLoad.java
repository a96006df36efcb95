package org.hotcell.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client-side load measurement of a running {@code hotcell run}: for each level S of open streams it creates S
 * streams (streams/s), steps them round robin from C client threads (steps/s, per-step latency p50 and p99), checks
 * the server's step counts, and deletes them before the next level, so each level starts from an empty store file.
 * Every answer is checked (status and shape); the first wrong answer ends the run with exit status 1 after the
 * table so far. It prints markdown on standard output and progress on standard error.
 *
 * <p>Usage: {@code StreamLoad --url http://127.0.0.1:PORT/ [--model NAME] [--levels 1,10,1000,100000]
 * [--threads 8] [--steps 20000] [--step-seconds 30] [--create-seconds 180] [--warmup-steps 5000]}. The model
 * must take 4 features and answer 4 outputs per step.
 */
public final class StreamLoad {
    private final StreamClient client;
    private final Settings settings;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> notes = new ArrayList<>();

    private StreamLoad(Settings settings) {
        this.settings = settings;
        this.client = new StreamClient(settings.url(), settings.model());
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("StreamLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new StreamLoad(settings).run());
    }

    private int run() throws Exception {
        System.out.println(settings.describe());
        progress("warm-up: %,d steps over %d streams (not reported)", settings.warmupSteps(), settings.threads());
        level("warm", settings.threads(), settings.warmupSteps(), true);
        List<LevelResult> results = new ArrayList<>();
        double createRate = 0;
        for (int i = 0; i < settings.levels().length && failure.get() == null; i++) {
            int streams = settings.levels()[i];
            if (createRate > 0 && streams / createRate > settings.createSeconds()) {
                String note = String.format(Locale.ROOT, "%,d streams at the %,.0f streams/s measured before would "
                        + "take about %.0f s, more than the cap of %d s: tried in full, creation stops at the cap.",
                        streams, createRate, streams / createRate, settings.createSeconds());
                notes.add(note);
                progress("%s", note);
            }
            boolean last = i == settings.levels().length - 1;
            LevelResult result = level("s" + streams, streams, settings.steps(), !last);
            results.add(result);
            createRate = result.createPerSecond();
        }
        System.out.println();
        System.out.println("| open streams | create streams/s | steps/s | p50 ms | p99 ms | errors |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        results.forEach(r -> System.out.println(r.row()));
        System.out.println();
        for (LevelResult r : results) {
            System.out.printf(Locale.ROOT, "- %,d open streams: created in %.2f s, %,d steps in %.2f s%s.%n", r.open(),
                    r.createSeconds(), r.steps(), r.stepSeconds(), r.deleteSeconds() < 0
                            ? ", left open (the server's end removes them with its state directory)"
                            : String.format(Locale.ROOT, ", deleted in %.2f s (%,.0f/s)", r.deleteSeconds(),
                                    r.open() / r.deleteSeconds()));
        }
        notes.forEach(n -> System.out.println("- " + n));
        Exception failed = failure.get();
        if (failed != null) {
            System.out.println();
            System.out.println("**FAILED**: " + failed);
            return 1;
        }
        return 0;
    }

    /** One level: create {@code wanted} streams, step them {@code steps} times round robin, verify, delete. */
    private LevelResult level(String prefix, int wanted, int steps, boolean delete) throws Exception {
        long openBefore = client.open();
        if (openBefore != 0) {
            throw new IllegalStateException(openBefore + " streams are open before level " + prefix
                    + "; the load needs a server of its own");
        }
        long start = System.nanoTime();
        long created = parallel(wanted, start + settings.createSeconds() * 1_000_000_000L,
                k -> client.create(prefix + "-" + k), null);
        double createSeconds = seconds(System.nanoTime() - start);
        int open = (int) created;
        progress("%s: %,d streams created in %.2f s", prefix, open, createSeconds);
        long reported = failure.get() == null ? client.open() : open;
        if (reported != open) {
            errors.incrementAndGet();
            failure.compareAndSet(null, new IllegalStateException(
                    "GET /api/streams reports " + reported + " open streams, " + open + " were created"));
        }

        long[][] latencies = new long[settings.threads()][steps];
        int[] counts = new int[settings.threads()];
        long done = 0;
        start = System.nanoTime();
        if (failure.get() == null && open > 0) {
            done = parallel(steps, start + settings.stepSeconds() * 1_000_000_000L,
                    k -> client.step(prefix + "-" + (k % open), reading(k)), new Recorder(latencies, counts));
        }
        double stepSeconds = seconds(System.nanoTime() - start);
        progress("%s: %,d steps in %.2f s", prefix, done, stepSeconds);
        long[] all = merge(latencies, counts);
        if (failure.get() == null) {
            verifySteps(prefix, open, done);
        }

        double deleteSeconds = -1;
        if (delete && failure.get() == null) {
            start = System.nanoTime();
            parallel(open, Long.MAX_VALUE, k -> client.delete(prefix + "-" + k), null);
            deleteSeconds = seconds(System.nanoTime() - start);
            progress("%s: deleted in %.2f s", prefix, deleteSeconds);
        }
        return new LevelResult(wanted, open, createSeconds, done, stepSeconds, percentileMs(all, 0.50),
                percentileMs(all, 0.99), errors.getAndSet(0), deleteSeconds);
    }

    /** Step {@code k} went to stream {@code k % open}: the first, middle and last stream must report that many. */
    private void verifySteps(String prefix, int open, long done) throws Exception {
        for (int i : new int[] {0, open / 2, open - 1}) {
            long expected = done / open + (i < done % open ? 1 : 0);
            long reported = client.steps(prefix + "-" + i);
            if (reported != expected) {
                errors.incrementAndGet();
                failure.compareAndSet(null, new IllegalStateException("stream " + prefix + "-" + i + " reports "
                        + reported + " steps, " + expected + " were answered"));
            }
        }
    }

    /**
     * Runs {@code task(k)} for k = 0, 1, ... below {@code total} on the client threads until the deadline or the
     * first failure. A thread checks the deadline before it takes the next k, so the calls made are exactly
     * 0 ... (returned count - 1).
     */
    private long parallel(int total, long deadline, Task task, Recorder recorder) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        Thread[] threads = new Thread[settings.threads()];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = Thread.ofPlatform().name("load-" + t).start(() -> {
                while (failure.get() == null && System.nanoTime() - deadline < 0) {
                    long k = next.getAndIncrement();
                    if (k >= total) {
                        return;
                    }
                    long begin = System.nanoTime();
                    try {
                        task.run((int) k);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        failure.compareAndSet(null, e);
                        return;
                    }
                    if (recorder != null) {
                        recorder.record(thread, System.nanoTime() - begin);
                    }
                    finished.incrementAndGet();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return finished.get();
    }

    /** Four readings that move like a slow signal, different for every step. */
    private static float[] reading(int k) {
        float[] x = new float[4];
        for (int j = 0; j < 4; j++) {
            x[j] = (float) Math.sin(0.05 * k + 1.3 * j);
        }
        return x;
    }

    private static long[] merge(long[][] latencies, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return all;
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds (0 when there are none). */
    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String format, Object... args) {
        System.err.println("stream-load: " + String.format(Locale.ROOT, format, args));
    }

    @FunctionalInterface
    private interface Task {
        void run(int k) throws Exception;
    }

    /** Per-thread latency arrays, so recording needs no lock. */
    private record Recorder(long[][] latencies, int[] counts) {
        void record(int thread, long nanos) {
            latencies[thread][counts[thread]++] = nanos;
        }
    }

    /** The command line. */
    private record Settings(URI url, String model, int[] levels, int threads, int steps, int stepSeconds,
            int createSeconds, int warmupSteps) {

        static Settings parse(String[] args) {
            URI url = null;
            String model = "lstm-stream";
            int[] levels = {1, 10, 1000, 100_000};
            int threads = 8;
            int steps = 20_000;
            int stepSeconds = 30;
            int createSeconds = 180;
            int warmupSteps = 5000;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--url" -> url = URI.create(value.endsWith("/") ? value : value + "/");
                    case "--model" -> model = value;
                    case "--levels" -> levels = Arrays.stream(value.split(",")).map(String::trim)
                            .mapToInt(v -> positive("--levels", v)).toArray();
                    case "--threads" -> threads = positive(flag, value);
                    case "--steps" -> steps = positive(flag, value);
                    case "--step-seconds" -> stepSeconds = positive(flag, value);
                    case "--create-seconds" -> createSeconds = positive(flag, value);
                    case "--warmup-steps" -> warmupSteps = positive(flag, value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required (http://127.0.0.1:PORT/)");
            }
            if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
                throw new IllegalArgumentException("--url must be loopback, not " + url.getHost());
            }
            return new Settings(url, model, levels, threads, steps, stepSeconds, createSeconds, warmupSteps);
        }

        private static int positive(String flag, String value) {
            try {
                int parsed = Integer.parseInt(value.replace("_", ""));
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " must be a positive integer, not '" + value + "'");
        }

        String describe() {
            return String.format(Locale.ROOT, "- Client: java.net.http.HttpClient (HTTP/1.1, keep-alive), %d "
                    + "client threads, one JVM on the same machine as the server.%n"
                    + "- Model `%s`; each step is one reading (N=1, I=4) of one stream, its 4 outputs and shape "
                    + "checked.%n"
                    + "- Per level: create the streams (at most %d s), then %,d steps or %d s, whichever comes "
                    + "first, round robin over the streams; then check the step counts the server reports and "
                    + "delete the streams, so each level starts from an empty store (the last level's are left "
                    + "to the server's end).%n"
                    + "- Latency: per step request, send to whole answer received; nearest-rank p50 and p99 of "
                    + "all of a level's steps. Warm-up before the first level: %,d steps, not reported.",
                    threads, model, createSeconds, steps, stepSeconds, warmupSteps);
        }
    }
}
