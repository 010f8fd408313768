package org.trialsim.protocol.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place where the Jackson mappers for protocol files are configured: strict when reading
 * (unknown fields, duplicate keys, null for primitives, floats for whole numbers are all problems),
 * bounded against hostile input, and tidy when writing.
 */
final class Mappers {
    /**
     * Mappers made so far: configured once and thread-safe, they keep the deserializers and serializers
     * Jackson builds for the model, which would otherwise be rebuilt for every file read.
     */
    private static final Map<Object, ObjectMapper> MADE = new ConcurrentHashMap<>();
    private static final Map<Object, JsonFactory> FACTORIES = new ConcurrentHashMap<>();

    private Mappers() {
    }

    /** A strict reading mapper for the format, bounded by the limits. */
    static ObjectMapper reader(Format format, Limits limits) {
        return MADE.computeIfAbsent(List.of("reader", format, limits), key -> newReader(format, limits));
    }

    /** A writing mapper: absent and empty values are left out, YAML is written without needless quotes. */
    static ObjectMapper writer(Format format) {
        return MADE.computeIfAbsent(List.of("writer", format), key -> newWriter(format));
    }

    /**
     * The strict, bounded parser factory of a format, which the reading mapper is built on; alone it reads
     * a file without making a mapper, whose set-up {@link FastBinder} spares (see there).
     */
    static JsonFactory factory(Format format, Limits limits) {
        return FACTORIES.computeIfAbsent(List.of(format, limits), key -> newFactory(format, limits));
    }

    private static JsonFactory newFactory(Format format, Limits limits) {
        // Jackson checks the nesting depth; texts and numbers are checked by LengthGuard, which says which
        // bound was passed, so Jackson's own bounds on them are only a backstop as large as the input
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxBytes())
                .maxNameLength(limits.maxBytes())
                .maxNumberLength(limits.maxBytes())
                .maxDocumentLength(limits.maxBytes())
                .build();
        if (format == Format.YAML) {
            LoaderOptions loaderOptions = new LoaderOptions();
            loaderOptions.setCodePointLimit(limits.maxBytes());
            loaderOptions.setNestingDepthLimit(limits.maxNestingDepth());
            loaderOptions.setAllowDuplicateKeys(false);
            return new GuardedYamlFactory(YAMLFactory.builder()
                    .loaderOptions(loaderOptions)
                    .streamReadConstraints(constraints)
                    // only true/false are booleans: "no" stays text (the "Norway problem")
                    .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.AUTO_CLOSE_SOURCE));
        }
        return JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    private static ObjectMapper newReader(Format format, Limits limits) {
        JsonFactory factory = factory(format, limits);
        ObjectMapper mapper = format == Format.YAML ? YAMLMapper.builder((YAMLFactory) factory).build() : JsonMapper.builder(factory).build();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // trailing content is checked by the reader, which can say "more than one YAML document"
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    private static ObjectMapper newWriter(Format format) {
        ObjectMapper mapper;
        if (format == Format.YAML) {
            YAMLFactory factory = YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    // "type: block" as a field, as people write it, not a YAML tag
                    .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build();
            mapper = YAMLMapper.builder(factory).build();
        } else {
            mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        }
        mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        mapper.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
        return mapper;
    }
}
