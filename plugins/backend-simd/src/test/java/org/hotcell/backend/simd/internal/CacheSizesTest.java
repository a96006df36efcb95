package org.hotcell.backend.simd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSizesTest {

    @Test
    void parsesSizesAsSysfsAndThePropertyWriteThem() {
        assertThat(CacheSizes.parseSize("1024K")).hasValue(1024L * 1024);
        assertThat(CacheSizes.parseSize(" 32k\n")).hasValue(32L * 1024);
        assertThat(CacheSizes.parseSize("2M")).hasValue(2L * 1024 * 1024);
        assertThat(CacheSizes.parseSize("524288")).hasValue(524288L);
        assertThat(CacheSizes.parseSize("")).isEmpty();
        assertThat(CacheSizes.parseSize("0K")).isEmpty();
        assertThat(CacheSizes.parseSize("-5")).isEmpty();
        assertThat(CacheSizes.parseSize("1G")).isEmpty();
        assertThat(CacheSizes.parseSize("lots")).isEmpty();
        assertThat(CacheSizes.parseSize(null)).isEmpty();
        assertThat(CacheSizes.parseSize("99999999999999999M")).isEmpty();
    }

    @Test
    void readsTheLevel2DataOrUnifiedCacheFromSysfs(@TempDir Path dir) throws IOException {
        cache(dir, "index0", "1", "Data", "48K");
        cache(dir, "index1", "1", "Instruction", "32K");
        cache(dir, "index2", "2", "Unified", "1024K");
        cache(dir, "index3", "3", "Unified", "32768K");
        assertThat(CacheSizes.fromSysfs(dir)).hasValue(1024L * 1024);
    }

    @Test
    void skipsAnInstructionOnlyLevel2AndUnreadableSizes(@TempDir Path dir) throws IOException {
        cache(dir, "index0", "2", "Instruction", "64K");
        cache(dir, "index1", "2", "Data", "garbage");
        assertThat(CacheSizes.fromSysfs(dir)).isEmpty();
        cache(dir, "index2", "2", "Data", "512K");
        assertThat(CacheSizes.fromSysfs(dir)).hasValue(512L * 1024);
    }

    @Test
    void noSysfsMeansNoAnswerRatherThanAFailure(@TempDir Path dir) {
        assertThat(CacheSizes.fromSysfs(dir.resolve("absent"))).isEqualTo(OptionalLong.empty());
        assertThat(CacheSizes.fromSysfs(dir)).isEmpty();
    }

    @Test
    void theSizeInUseIsAPositiveWholeNumberOfKibibytes() {
        // Whatever this machine says (or the fallback): something a share can be compared with.
        assertThat(CacheSizes.L2_BYTES).isPositive();
        assertThat(CacheSizes.L2_BYTES % 1024).isZero();
    }

    private static void cache(Path dir, String index, String level, String type, String size) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(index));
        Files.writeString(folder.resolve("level"), level + "\n");
        Files.writeString(folder.resolve("type"), type + "\n");
        Files.writeString(folder.resolve("size"), size + "\n");
    }
}
