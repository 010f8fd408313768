package org.trialsim.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.Condition;
import org.trialsim.protocol.Extensible;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.Range;
import org.trialsim.protocol.Required;

/**
 * The JSON Schema shipped for editors ({@code org/trialsim/protocol/protocol.schema.json}) is generated
 * from the model; this test regenerates it and fails if the checked-in copy is stale. To update it:
 * {@code mvn -pl protocol-model test -Dtest=ProtocolSchemaTest -Dtrialsim.updateSchema=true}.
 */
class ProtocolSchemaTest {
    private static final Path SCHEMA = Path.of("src/main/resources/org/trialsim/protocol/protocol.schema.json");

    static JsonNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.DEFINITIONS_FOR_ALL_OBJECTS);
        config.forFields().withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Required.class) != null);
        // each number's range, on the number itself or on each entry of a list or mapping of numbers
        config.forFields()
                .withNumberInclusiveMinimumResolver(field -> bound(field, r -> r.minExcluded() ? null : r.min()))
                .withNumberExclusiveMinimumResolver(field -> bound(field, r -> r.minExcluded() ? r.min() : null))
                .withNumberInclusiveMaximumResolver(field -> bound(field, r -> r.maxExcluded() ? null : r.max()))
                .withNumberExclusiveMaximumResolver(field -> bound(field, r -> r.maxExcluded() ? r.max() : null));
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != Condition.class) {
                return null;
            }
            ObjectNode node = context.getGeneratorConfig().createObjectNode()
                    .put("type", "string")
                    .put("description", "A condition, e.g. mrd >= 5e-4 and risk == \"MR\": comparisons, and, or, not, in [...]");
            return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD, CustomDefinition.AttributeInclusion.NO);
        });
        // a name the simulator looks up: editors offer the built-in names, and any name of the right form is accepted
        config.forFields().withCustomDefinitionProvider((field, context) -> {
            Extensible extensible = component(field, Extensible.class);
            if (extensible == null) {
                return null;
            }
            ObjectNode node = context.getGeneratorConfig().createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode anyOf = node.putArray("anyOf");
            com.fasterxml.jackson.databind.node.ArrayNode names = anyOf.addObject().put("type", "string").putArray("enum");
            for (String name : extensible.builtIns()) {
                names.add(name);
            }
            anyOf.addObject().put("type", "string").put("pattern", "^" + Extensible.NAME_PATTERN + "$")
                    .put("maxLength", Extensible.MAX_NAME_LENGTH);
            com.fasterxml.jackson.annotation.JsonPropertyDescription description =
                    field.getAnnotationConsideringFieldAndGetter(com.fasterxml.jackson.annotation.JsonPropertyDescription.class);
            if (description != null) {
                node.put("description", description.value());
            }
            return new com.github.victools.jsonschema.generator.CustomPropertyDefinition(node,
                    CustomDefinition.AttributeInclusion.NO);
        });
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(Protocol.class);
        mergeSubtypeDefinitions((ObjectNode) schema.get("$defs"));
        schema.put("$id", "https://trialsim.org/schema/protocol.schema.json");
        schema.put("title", "trialsim protocol");
        return schema;
    }

    /** A bound of the field's {@link Range} (record components carry it), for the number the scope describes. */
    private static java.math.BigDecimal bound(FieldScope field, java.util.function.Function<Range, Double> which) {
        boolean container = field.isContainerType() || java.util.Map.class.isAssignableFrom(field.getType().getErasedType());
        if (container && !field.isFakeContainerItemScope()) {
            return null;
        }
        Range range = component(field, Range.class);
        Double value = range == null ? null : which.apply(range);
        return value == null ? null : java.math.BigDecimal.valueOf(value);
    }

    /** An annotation of the record component the field belongs to (annotations meant for record components stay there). */
    private static <A extends java.lang.annotation.Annotation> A component(FieldScope field, Class<A> type) {
        Class<?> record = field.getDeclaringType().getErasedType();
        if (!record.isRecord()) {
            return null;
        }
        for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(field.getDeclaredName())) {
                return c.getAnnotation(type);
            }
        }
        return null;
    }

    /**
     * The generator writes a subtype as {@code {$ref: X-1, properties: {type: {const: x}}}} where X-1 is
     * closed (additionalProperties false), which would refuse the "type" field. Merge each such pair
     * into one closed definition that lists "type" among its properties.
     */
    private static void mergeSubtypeDefinitions(ObjectNode defs) {
        java.util.List<String> names = new java.util.ArrayList<>();
        defs.fieldNames().forEachRemaining(names::add);
        java.util.Set<String> absorbed = new java.util.HashSet<>();
        for (String name : names) {
            JsonNode def = defs.get(name);
            JsonNode typeConst = def.path("properties").path("type").path("const");
            if (!def.has("$ref") || typeConst.isMissingNode()) {
                continue;
            }
            String target = def.get("$ref").asText().substring("#/$defs/".length());
            ObjectNode merged = defs.get(target).deepCopy();
            ObjectNode properties = merged.objectNode();
            properties.set("type", def.get("properties").get("type"));
            merged.withObject("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
            merged.set("properties", properties);
            com.fasterxml.jackson.databind.node.ArrayNode required = merged.arrayNode().add("type");
            merged.path("required").forEach(required::add);
            merged.set("required", required);
            defs.set(name, merged);
            absorbed.add(target);
        }
        absorbed.forEach(defs::remove);
    }

    @Test
    void everyBuiltinValidatesAgainstTheSchema() throws Exception {
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(generate());
        ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        for (String id : org.trialsim.protocol.builtin.BuiltinProtocols.IDS) {
            JsonNode document = yaml.readTree(org.trialsim.protocol.builtin.BuiltinProtocols.text(id).orElseThrow());
            assertThat(schema.validate(document)).as(id).isEmpty();
        }
        JsonNode bad = yaml.readTree("id: x\ntitle: y\nunknownField: 1\n");
        assertThat(schema.validate(bad)).extracting(Object::toString).anyMatch(m -> m.contains("unknownField"));
    }

    @Test
    void riskGroupsAndAllocationNodesMayCarrySourceAndAssumption() throws Exception {
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(generate());
        String text = org.trialsim.protocol.TestProtocols.text(org.trialsim.protocol.TestProtocols.TWO_ARM)
                .replace("riskGroups:\n", "riskGroups:\n  source: made-up\n  assumption: the protocol's own rules\n")
                .replace("type: allocation\n", "type: allocation\n      source: made-up\n      assumption: 1:1 as planned\n");
        JsonNode document = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);

        assertThat(document.at("/riskGroups/source").asText()).isEqualTo("made-up");
        assertThat(document.at("/pathway/nodes/randomize/assumption").asText()).isEqualTo("1:1 as planned");
        assertThat(schema.validate(document)).isEmpty();
    }

    /** An editor sees the arms' hazard ratios and the non-responders' carry-over with their ranges. */
    @Test
    void theArmsHazardRatiosAndTheNonRespondersCarryOverAreInTheSchema() throws Exception {
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(generate());
        String text = org.trialsim.protocol.TestProtocols.text(org.trialsim.protocol.TestProtocols.TWO_ARM)
                .replace("  assumption: invented curves\n", "  armHazardRatios: {experimental: {relapse: RATIO}}\n  assumption: invented curves\n");
        ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        assertThat(schema.validate(yaml.readTree(text.replace("RATIO", "0.6")))).isEmpty();
        assertThat(schema.validate(yaml.readTree(text.replace("RATIO", "0")))).isNotEmpty();
        JsonNode carryOver = generate().at("/$defs/Resistance/properties/carryOver");
        assertThat(carryOver.at("/minimum").asDouble()).isEqualTo(0);
        assertThat(carryOver.at("/maximum").asDouble()).isEqualTo(2);
    }

    /** Editors offer the built-in names of a randomization method; an extension's name of the right form is accepted. */
    @Test
    void aRandomizationMethodIsABuiltInNameOrAnyNameOfTheRightForm() throws Exception {
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(generate());
        JsonNode method = generate().at("/$defs/Randomization/properties/method");
        assertThat(method.at("/anyOf/0/enum")).extracting(JsonNode::asText)
                .containsExactly("simple", "permuted-blocks", "stratified-blocks", "minimization",
                        "response-adaptive");
        String text = new String(getClass().getResourceAsStream("/org/trialsim/protocol/builtin/aall1331.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).containsOnlyOnce("{method: permuted-blocks, blockSizes: [2, 4]}");
        ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        for (String name : new String[] {"biased-coin", "urn2"}) {
            JsonNode document = yaml.readTree(text.replace("{method: permuted-blocks, blockSizes: [2, 4]}", "{method: " + name + "}"));
            assertThat(schema.validate(document)).as(name).isEmpty();
        }
        for (String name : new String[] {"Biased Coin", "-coin", "biased--coin"}) {
            JsonNode document = yaml.readTree(text.replace("{method: permuted-blocks, blockSizes: [2, 4]}",
                    "{method: '" + name + "'}"));
            assertThat(schema.validate(document)).as(name).isNotEmpty();
        }
    }

    @Test
    void checkedInSchemaIsCurrent() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String generated = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n";
        if (Boolean.getBoolean("trialsim.updateSchema")) {
            Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
        }
        assertThat(SCHEMA).as("the schema file; regenerate it with -Dtrialsim.updateSchema=true").exists();
        assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8))
                .as("protocol.schema.json is stale: run mvn -pl protocol-model test -Dtest=ProtocolSchemaTest -Dtrialsim.updateSchema=true")
                .isEqualTo(generated);
    }

    @Test
    void schemaDescribesTheFormat() {
        JsonNode schema = generate();
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .contains("id", "title", "population", "riskGroups", "arms", "pathway", "outcomes", "followUp", "endpoints");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        String text = schema.toString();
        assertThat(text).contains("\"immunotherapy\"", "\"rolling-six\"", "\"single-arm-survival\"", "\"durationDays\"");
        assertThat(text).doesNotContain("\"cited\"", "needsCitation");
    }
}
