package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claims behind a chunked grouped product: each chunk taken once, a part's own segment first and in order,
 * and one run reported per stretch of adjacent chunks a part took, covering exactly those chunks.
 */
class SegmentedChunksTest {

    @Test
    void aPartAloneTakesItsSegmentFromTheFrontThenTheOthersFromTheBack() {
        SegmentedChunks claims = new SegmentedChunks(8, 2);
        List<Integer> order = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        claims.runPart(1, (c, next) -> order.add(c), (from, to) -> runs.add(new int[] {from, to}));
        assertThat(order).containsExactly(4, 5, 6, 7, 3, 2, 1, 0);
        assertThat(runs).containsExactly(new int[] {4, 8}, new int[] {0, 4});
        // Nothing is left for part 0, which the team's caller runs when the worker never started.
        List<Integer> rest = new ArrayList<>();
        claims.runPart(0, (c, next) -> rest.add(c), (from, to) -> rest.add(-1));
        assertThat(rest).isEmpty();
    }

    @Test
    void partsInTurnEachReportTheirOwnSegmentAsOneRun() {
        SegmentedChunks claims = new SegmentedChunks(10, 3);
        List<int[]> runs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int part = p;
            claims.runPart(p, (c, next) -> assertThat(next).isEqualTo(c + 1),
                    (from, to) -> runs.add(new int[] {part, from, to}));
        }
        // Part 0 takes its segment [0, 3) and then, the others not having started, all of theirs from the back.
        assertThat(runs).containsExactly(new int[] {0, 0, 3}, new int[] {0, 3, 6}, new int[] {0, 6, 10});
        assertThat(claims.start(1)).isEqualTo(3);
        assertThat(claims.start(2)).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0} chunks, {1} parts")
    @CsvSource({"8, 2", "12, 3", "3, 4", "1, 2", "0, 2", "64, 4"})
    void concurrentPartsTakeEveryChunkOnceAndReportRunsOfExactlyWhatTheyTook(int chunks, int parts)
            throws Exception {
        for (int round = 0; round < 200; round++) {
            SegmentedChunks claims = new SegmentedChunks(chunks, parts);
            AtomicIntegerArray taken = new AtomicIntegerArray(Math.max(chunks, 1));
            int[] takenBy = new int[Math.max(chunks, 1)];
            AtomicIntegerArray reported = new AtomicIntegerArray(Math.max(chunks, 1));
            List<String> wrong = new CopyOnWriteArrayList<>();
            CyclicBarrier start = new CyclicBarrier(parts);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int part = p;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        wrong.add(e.toString());
                        return;
                    }
                    claims.runPart(part, (c, next) -> {
                        if (next != c + 1) {
                            wrong.add("chunk call " + c + ".." + next);
                        }
                        taken.incrementAndGet(c);
                        takenBy[c] = part;
                    }, (from, to) -> {
                        for (int c = from; c < to; c++) {
                            // A run reports only chunks this part has already computed.
                            if (taken.get(c) != 1 || takenBy[c] != part) {
                                wrong.add("part " + part + " reported chunk " + c + " it had not taken");
                            }
                            reported.incrementAndGet(c);
                        }
                    });
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(wrong).isEmpty();
            for (int c = 0; c < chunks; c++) {
                assertThat(taken.get(c)).as("times chunk %d was taken", c).isEqualTo(1);
                assertThat(reported.get(c)).as("times chunk %d was reported in a run", c).isEqualTo(1);
            }
        }
    }

    @Test
    void refusesNoParts() {
        assertThatThrownBy(() -> new SegmentedChunks(4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 chunks in 0 parts");
    }
}
