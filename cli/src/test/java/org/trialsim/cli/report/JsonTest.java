package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results' JSON holds null where a number is not finite, however the number is reached, and stays valid JSON. */
class JsonTest {

    record Values(double primitive, Double boxed, float single, double[] array, List<Double> list, Map<String, Double> map,
                  double finite) {
    }

    private static String write(Object value) throws Exception {
        StringWriter w = new StringWriter();
        Json.write(value, w);
        return w.toString();
    }

    @Test
    void notANumberAndInfinityAreNullEverywhere() throws Exception {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("a", Double.NaN);
        map.put("b", Double.NEGATIVE_INFINITY);
        String json = write(new Values(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN,
                new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY}, Arrays.asList(Double.NaN, 2.0), map, 0.25));
        assertThat(json).doesNotContain("NaN", "Infinity");
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("primitive").isNull()).isTrue();
        assertThat(tree.get("boxed").isNull()).isTrue();
        assertThat(tree.get("single").isNull()).isTrue();
        assertThat(tree.get("array").toString()).isEqualTo("[1.5,null,null]");
        assertThat(tree.get("list").toString()).isEqualTo("[null,2.0]");
        assertThat(tree.get("map").toString()).isEqualTo("{\"a\":null,\"b\":null}");
        assertThat(tree.get("finite").asDouble()).isEqualTo(0.25);
    }

    @Test
    void treesOfTheDesignCalculatorsToo() throws Exception {
        ObjectNode root = Json.envelope("escalate", null);
        root.put("sd", Double.NaN);
        root.putArray("values").add(Double.POSITIVE_INFINITY).add(1.0);
        root.set("record", Json.tree(new Values(Double.NaN, null, 1f, new double[0], List.of(), Map.of(), 1)));
        String json = write(root);
        assertThat(json).doesNotContain("NaN", "Infinity").contains("\"sd\" : null", "[ null, 1.0 ]");
    }
}
