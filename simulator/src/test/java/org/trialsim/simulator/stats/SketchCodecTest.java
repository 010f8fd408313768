package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec of the partial tallies' sketches and moments (docs/shards.md): what is read back is the state written, to the bit. */
class SketchCodecTest {

    /** 1,000 values stay exact; 100,000 distinct ones are bucketed. Either way a sketch read back reports the same bits. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1_000, 100_000})
    void aSketchReadBackReportsTheSameBitsAndMergesAsTheOriginal(int n) throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        QuantileSketch s = new QuantileSketch();
        QuantileSketch other = new QuantileSketch();
        for (int i = 0; i < n; i++) {
            s.add((rng.nextDouble() - 0.2) * 1e3);
            other.add(Math.floor(rng.nextDouble() * 50));
        }
        QuantileSketch read = roundTrip(s);
        assertThat(read.isExact()).isEqualTo(s.isExact());
        assertThat(describe(read)).isEqualTo(describe(s));
        assertThat(encode(read)).isEqualTo(encode(s));
        s.merge(other);
        read.merge(other);
        assertThat(describe(read)).isEqualTo(describe(s));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 10_000})
    void momentsReadBackGiveTheSameMeanAndDeviation(int n) throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        ExactMoments m = new ExactMoments();
        for (int i = 0; i < n; i++) {
            m.add(rng.nextDouble() * Math.pow(10, rng.nextInt(30) - 15));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(new DataOutputStream(bytes));
        ExactMoments read = ExactMoments.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read.count()).isEqualTo(m.count());
        assertThat(Double.doubleToRawLongBits(read.mean())).isEqualTo(Double.doubleToRawLongBits(m.mean()));
        assertThat(Double.doubleToRawLongBits(read.standardDeviation())).isEqualTo(Double.doubleToRawLongBits(m.standardDeviation()));
    }

    @Test
    void aTruncatedOrInconsistentSketchIsRefused() throws IOException {
        QuantileSketch s = new QuantileSketch();
        s.add(1);
        s.add(2);
        byte[] bytes = encode(s);
        assertThatThrownBy(() -> QuantileSketch.readFrom(input(Arrays.copyOf(bytes, bytes.length - 1)))).isInstanceOf(EOFException.class);
        byte[] wrongCount = bytes.clone();
        wrongCount[bytes.length - 1] = 5; // the last value's count: 5 values where the moments have 2
        assertThatThrownBy(() -> QuantileSketch.readFrom(input(wrongCount))).isInstanceOf(IOException.class)
                .hasMessageContaining("counts 6 values, its moments 2");
    }

    private static QuantileSketch roundTrip(QuantileSketch s) throws IOException {
        return QuantileSketch.readFrom(input(encode(s)));
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static byte[] encode(QuantileSketch s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static String describe(QuantileSketch s) {
        if (s.count() == 0) {
            return "empty " + s.min() + " " + s.max();
        }
        StringBuilder b = new StringBuilder().append(s.count());
        for (double x : new double[] {s.moments().mean(), s.moments().standardDeviation(), s.min(), s.max(), s.quantile(0.1),
                s.quantile(0.5), s.quantile(0.9), s.quantile(0.37)}) {
            b.append(' ').append(Double.doubleToRawLongBits(x));
        }
        return b.toString();
    }
}
