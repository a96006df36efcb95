package org.hotcell.study.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.hotcell.study.cluster.RunCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which masters the runner takes, and that the study finds it; no Spark is started here. */
class SparkRunClusterTest {
    private final SparkRunCluster cluster = new SparkRunCluster();

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[2]", "local[*]", "local[4,2]", "spark://127.0.0.1:7077",
            "spark://master.example.org:7077", "spark://a:7077,b:7077", "spark://[::1]:7077"})
    void servesLocalAndStandaloneMasters(String master) {
        assertThat(cluster.serves(master)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yarn", "k8s://https://host:443", "local[0]", "local[x]", "spark://", "spark://host",
            "spark://host:7077/", "mesos://host:5050", "LOCAL[2]"})
    void refusesOtherMasters(String master) {
        assertThat(cluster.serves(master)).isFalse();
    }

    @Test
    void refusesNoMaster() {
        assertThat(cluster.serves(null)).isFalse();
    }

    @Test
    void theStudyFindsItWithServiceLoader() {
        assertThat(ServiceLoader.load(RunCluster.class).stream().map(ServiceLoader.Provider::type))
                .contains(SparkRunCluster.class);
    }

    @Test
    void masterAddressesIncludeStandbys() {
        assertThat(SparkMasters.addresses("spark://a:7077,[::1]:7078"))
                .extracting(a -> a.getHostString() + " " + a.getPort())
                .containsExactly("a 7077", "::1 7078");
        assertThat(SparkMasters.onLoopback("spark://127.0.0.1:7077,localhost:7078")).isTrue();
    }
}
