package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** trialsim-spark's own options are taken out of the command line wherever they are; the rest is trialsim's, in order. */
class SparkOptionsTest {

    @Test
    void theOptionsAreTakenOutWhereverTheyAreInEitherSpelling() {
        SparkOptions o = SparkOptions.of(new String[] {"--master", "local[2]", "trial", "aall1331", "--partitions=12", "-r", "100"});
        assertThat(o.master()).isEqualTo("local[2]");
        assertThat(o.partitions()).isEqualTo(12);
        assertThat(o.rest()).containsExactly("trial", "aall1331", "-r", "100");
    }

    @Test
    void withoutThemTheLineIsUnchanged() {
        SparkOptions o = SparkOptions.of(new String[] {"explore", "sweep.yaml", "-q"});
        assertThat(o.master()).isNull();
        assertThat(o.partitions()).isNull();
        assertThat(o.rest()).containsExactly("explore", "sweep.yaml", "-q");
    }

    @Test
    void afterADoubleDashNothingIsTaken() {
        assertThat(SparkOptions.of(new String[] {"trial", "--", "--master"}).rest()).isEqualTo(List.of("trial", "--", "--master"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "100001", "many", ""})
    void aPartitionCountOutsideItsRangeIsRefusedNamingTheRange(String value) {
        assertThatThrownBy(() -> SparkOptions.of(new String[] {"trial", "aall1331", "--partitions=" + value}))
                .hasMessageContaining("--partitions takes a whole number from 1 to 100,000");
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> SparkOptions.of(new String[] {"trial", "aall1331", "--master"})).hasMessage("--master needs a value");
        assertThatThrownBy(() -> SparkOptions.of(new String[] {"trial", "--master="})).hasMessageContaining("--master needs a Spark master URL");
    }
}
