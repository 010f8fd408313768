package org.trialsim.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;

class NumericParameterTest {
    private static Protocol protocol() throws Exception {
        return BuiltinProtocols.load("interfant-06-blina").protocol();
    }

    @Test
    void aNumberOfABlockWithItsRangeAndThePartThatCitesIt() throws Exception {
        NumericParameter p = NumericParameter.of(protocol(), "pathway.nodes.blina-1.mrdResponse.log10Shift");
        assertThat(p.value()).isEqualTo(-2.9);
        assertThat(p.range().min()).isEqualTo(-12);
        assertThat(p.citedPath()).isEqualTo("pathway.nodes.blina-1.mrdResponse");
        assertThat(p.allows(-12)).isTrue();
        assertThat(p.allows(-12.5)).isFalse();
        assertThat(p.rangeText()).isEqualTo("from -12 to 12 (MRD changes by at most 12 orders of magnitude in a block)");
    }

    @Test
    void anEntryOfAListOfACurve() throws Exception {
        NumericParameter p = NumericParameter.of(protocol(), "outcomes.curves.interfant06-efs.survival[1]");
        assertThat(p.value()).isEqualTo(0.46);
        assertThat(p.citedPath()).isEqualTo("outcomes.curves.interfant06-efs");
        assertThat(p.assumption()).isEqualTo("Yearly points interpolated so that two thirds of relapses fall in year 1 and 90% by year 2.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pathway.nodes.nowhere.durationDays|the protocol has no pathway.nodes.nowhere.durationDays: pathway.nodes has no 'nowhere'",
        "pathway.nodes.blina-1.speed|blina-1 has no field 'speed'",
        "outcomes.curves.interfant06-efs.survival[5]|has 4 entries",
        "outcomes.curves.interfant06-efs.survival[x]|'[x]' is not a list index",
        "title|title is not a number",
        "design.sampleSize|design.sampleSize is a whole number",
        "pathway.nodes.blina-1.mrdResponse|is not a number",
        "targets[0].value|the targets are what a fit matches",
        "followUp.horizonYears|lies in no part of the protocol that carries a source"})
    void aPathThatNamesNoRealNumberIsRefusedNamingIt(String path, String message) {
        assertThatThrownBy(() -> NumericParameter.of(protocol(), path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
