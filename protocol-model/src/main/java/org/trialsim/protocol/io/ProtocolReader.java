package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Problem;
import org.trialsim.protocol.Protocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.condition.Spelling;
import org.trialsim.protocol.validation.ProtocolValidator;

/**
 * Reads a protocol file (YAML or JSON) into a validated {@link Protocol}.
 *
 * <p>The steps: read at most one byte past the size limit, whatever the input is; decode strictly as
 * UTF-8 (binary junk is refused at its first bad byte); refuse YAML lines too long to scan; parse into a
 * tree, recording where every field stands and refusing YAML aliases and tags, deep nesting and overlong
 * values; bind the tree to the model, collecting every unknown field and wrong type instead of stopping
 * at the first; validate the model. Every problem found is reported at once, in file order, each with
 * its line and column, in trialsim's words (see {@link ParseMessages}). docs/limits.md lists the bounds.
 *
 * <p>A file read without {@code --set} changes is bound first by {@link FastBinder}, which makes no Jackson
 * mapper and skips Jackson's introspection of the model, the larger part of a fresh JVM's {@code validate};
 * where it declines, the file is read again as above, so that every problem is found and placed the one way.
 */
public final class ProtocolReader {
    private final Limits limits;

    /** A reader with the default limits. */
    public ProtocolReader() {
        this(Limits.DEFAULT);
    }

    /** A reader with the given limits. */
    public ProtocolReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads and validates a protocol file.
     *
     * @throws IOException       if the file cannot be read (missing, a directory, no permission)
     * @throws ProtocolException if it is not a valid protocol
     */
    public LoadedProtocol read(Path file) throws IOException, ProtocolException {
        return read(file, List.of());
    }

    /**
     * Reads a protocol file, applies changes given on the command line, and validates the result. The
     * file is read as a stream whatever it is (a regular file, a named pipe, {@code <(...)}), and never
     * more than one byte past the size limit, so that an endless or huge input is refused quickly and in
     * bounded memory.
     *
     * @throws IOException       if the file cannot be read
     * @throws ProtocolException if it is not a valid protocol
     */
    public LoadedProtocol read(Path file, List<Setting> settings) throws IOException, ProtocolException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, settings);
        }
    }

    /**
     * Reads a protocol from a stream (standard input, a pipe), applies changes given on the command
     * line, and validates the result. At most one byte past the size limit is read; the stream is not
     * closed.
     *
     * @param name     what to call the input in messages, e.g. "standard input"
     * @throws IOException       if the stream cannot be read
     * @throws ProtocolException if it is not a valid protocol
     */
    public LoadedProtocol read(String name, InputStream in, List<Setting> settings) throws IOException, ProtocolException {
        return read(name, in.readNBytes(limits.maxBytes() + 1), settings);
    }

    /**
     * Reads and validates a protocol from bytes.
     *
     * @param name    the file name or resource used in messages, and to tell YAML from JSON
     * @param content the file's bytes
     * @throws ProtocolException if it is not a valid protocol
     */
    public LoadedProtocol read(String name, byte[] content) throws ProtocolException {
        return read(name, content, List.of());
    }

    /**
     * Reads a protocol from bytes, applies changes given on the command line, and validates the result.
     *
     * @param name      the file name or resource used in messages, and to tell YAML from JSON
     * @param content   the file's bytes
     * @param settings  {@code path=value} changes, applied in order before validation
     * @throws ProtocolException if it is not a valid protocol, or a change names a place that does not exist
     */
    public LoadedProtocol read(String name, byte[] content, List<Setting> settings) throws ProtocolException {
        if (settings.isEmpty()) {
            Protocol protocol = quickly(name, content);
            if (protocol != null) {
                // where the fields stand is needed only for a problem, and is then found by reading the text again
                LocatedProblems problems = new LocatedProblems(name, Locations.whenAsked(() -> parser(name, content)));
                ProtocolValidator.validate(protocol, problems);
                return loaded(protocol, name, settings, problems);
            }
        }
        return readWithJackson(name, content, settings);
    }

    /**
     * Reads a built-in protocol from its JSON twin ({@link JsonTwin}) as {@link #read(String, byte[], List)}
     * reads its YAML without changes: the twin's tokens are the YAML's, so they bind the same protocol, which
     * is validated as any; a problem is placed by reading the YAML when the first is reported. Where the twin
     * was not made from these YAML bytes, or the binder declines it, the YAML is read as any file.
     *
     * @param name    the built-in's name in messages, as for its YAML
     * @param content the YAML's bytes
     * @param twin    the twin's bytes
     * @throws ProtocolException if it is not a valid protocol
     */
    public LoadedProtocol read(String name, byte[] content, byte[] twin) throws ProtocolException {
        int json = JsonTwin.json(twin, content);
        Protocol protocol = null;
        if (json >= 0) {
            try {
                protocol = FastBinder.bind(LengthGuard.guard(Mappers.factory(Format.JSON, limits)
                        .createParser(twin, json, twin.length - json), limits));
            } catch (IOException e) {
                // read from the YAML below, as any twin the binder declines
            }
        }
        if (protocol == null) {
            return read(name, content, List.of());
        }
        LocatedProblems problems = new LocatedProblems(name, Locations.whenAsked(() -> parser(name, content)));
        ProtocolValidator.validate(protocol, problems);
        return loaded(protocol, name, List.of(), problems);
    }

    /**
     * Reads as {@link #read(String, byte[], List)} does, binding with Jackson's databind whatever the file:
     * the path of every file {@link FastBinder} declines, where each problem is found and placed.
     */
    LoadedProtocol readWithJackson(String name, byte[] content, List<Setting> settings) throws ProtocolException {
        Locations locations = new Locations();
        LocatedProblems problems = new LocatedProblems(name, locations);
        Parsed parsed = tree(name, content, locations, problems);
        JsonNode tree = parsed.tree();
        ObjectMapper mapper = parsed.mapper();
        if (tree != null && !settings.isEmpty()) {
            tree = applySettings((ObjectNode) tree, settings, name);
        }
        ProblemCollector collector = new ProblemCollector(problems);
        Protocol protocol = tree == null ? null : bind(mapper, tree, collector, problems);
        if (protocol == null && !problems.hasErrors()) {
            problems.reportAt(1, 1, "the file holds no protocol");
        }
        if (protocol != null) {
            ProtocolValidator.validate(protocol, problems.ignoringAround(collector.failedPointers()));
        }
        return loaded(protocol, name, settings, problems);
    }

    /** The protocol, validated into {@code problems}, with its warnings; or its errors thrown. */
    private static LoadedProtocol loaded(Protocol protocol, String name, List<Setting> settings, LocatedProblems problems)
            throws ProtocolException {
        List<Problem> all = problems.sorted();
        if (problems.hasErrors()) {
            throw new ProtocolException(all);
        }
        return LoadedProtocol.hashedWhenAsked(protocol, name, settings.stream().map(Setting::toString).toList(), all,
                ProtocolReader::contentHash);
    }

    /**
     * The protocol as {@link FastBinder} binds it, without Jackson's databind (and without a mapper, whose
     * set-up alone took 45-55 ms); or null where that binder declines, or the file is refused before it is
     * parsed, and the reader's Jackson path finds and reports what is wrong. Where the fields stand is not
     * recorded (a JSON pointer per field and list element): a file without problems does not need it, and a
     * problem finds it by reading the text again ({@link Locations#whenAsked}).
     */
    Protocol quickly(String name, byte[] content) {
        try {
            JsonParser parser = parser(name, content);
            return parser == null ? null : FastBinder.bind(parser);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The guarded parser {@link FastBinder} reads a file with, or null where the file is refused before it
     * is parsed (too long, not UTF-8, a YAML line too long to scan).
     */
    private JsonParser parser(String name, byte[] content) throws IOException {
        if (content.length > limits.maxBytes()) {
            return null;
        }
        String text;
        try {
            text = decode(name, content);
        } catch (ProtocolException e) {
            return null;
        }
        Format format = Format.detect(name, text);
        if (format == Format.YAML && LongLine.first(text, limits.maxTextLength()) != null) {
            return null;
        }
        return LengthGuard.guard(Mappers.factory(format, limits).createParser(text), limits);
    }

    /**
     * The first steps of reading, shared with the other files trialsim reads ({@link SweepReader}): the
     * size limit, strict UTF-8, YAML lines short enough to scan, and a guarded parse into a tree whose
     * places {@code locations} records. A problem that stops reading later steps is reported and the tree is null.
     *
     * @throws ProtocolException if the bytes are too many or not UTF-8 text
     */
    Parsed tree(String name, byte[] content, Locations locations, LocatedProblems problems) throws ProtocolException {
        if (content.length > limits.maxBytes()) {
            throw single(name, "the file is more than " + bytes(limits.maxBytes()) + " long; a protocol file may be at most "
                    + bytes(limits.maxBytes()));
        }
        String text = decode(name, content);
        Format format = Format.detect(name, text);
        ObjectMapper mapper = Mappers.reader(format, limits);
        return new Parsed(format == Format.YAML && !linesFit(text, problems) ? null : parse(mapper, format, text, locations, problems),
                mapper);
    }

    /** A file's tree (null if it could not be parsed) and the mapper of its format. */
    record Parsed(JsonNode tree, ObjectMapper mapper) {
    }

    /** The limits of what this reader reads. */
    Limits limits() {
        return limits;
    }

    /**
     * Whether every line of a YAML text is within the text limit; reports the first that is not. The
     * YAML scanner's work on a line grows with the square of its length (1 MiB on one line took seconds
     * and a gigabyte), so an overlong line is refused before the scanner sees it.
     */
    private boolean linesFit(String text, LocatedProblems problems) {
        LongLine longLine = LongLine.first(text, limits.maxTextLength());
        if (longLine == null) {
            return true;
        }
        problems.reportAt(longLine.line(), limits.maxTextLength() + 1, longLine.describe("a line of a YAML protocol file", limits));
        return false;
    }

    /** A line longer than the text limit: its number (from 1) and its length. */
    private record LongLine(int line, int length) {
        /** The first line of the text longer than the limit, or null if there is none. */
        static LongLine first(String text, int limit) {
            int line = 1;
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '\n') {
                    if (i - start > limit) {
                        return new LongLine(line, i - start);
                    }
                    line++;
                    start = i + 1;
                }
            }
            return null;
        }

        String describe(String what, Limits limits) {
            return "line " + line + " is " + LengthGuard.count(length) + " characters long; " + what + " may be at most "
                    + LengthGuard.count(limits.maxTextLength()) + " characters (" + bytes(limits.maxTextLength())
                    + "): write a long text over several lines";
        }
    }

    /** Parses the text into a tree, or reports why it cannot and returns null. */
    private JsonNode parse(ObjectMapper mapper, Format format, String text, Locations locations, LocatedProblems problems) {
        JsonParser parser;
        try {
            parser = locations.recording(LengthGuard.guard(mapper.getFactory().createParser(text), limits));
        } catch (IOException e) {
            problems.reportAt(1, 1, "the file cannot be parsed as " + format);
            return null;
        }
        try (parser) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                problems.reportAt(1, 1, "the file is empty; a protocol file starts with fields such as id, title and population");
                return null;
            }
            if (!tree.isObject()) {
                problems.reportAt(1, 1, "the top level of a protocol file must be a mapping of fields (id, title, population, ...), not "
                        + (tree.isArray() ? "a list" : "a single value"));
                return null;
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.reportAt(at.getLineNr(), at.getColumnNr(), format == Format.YAML
                        ? "the file holds more than one YAML document; a protocol file holds exactly one"
                        : "there is more after the end of the protocol; a protocol file holds exactly one object");
                return null;
            }
            return tree;
        } catch (RefusedInput e) {
            problems.reportAt(e.at(), e.line(), e.column(), e.plainMessage());
        } catch (StreamConstraintsException e) {
            JsonLocation at = parser.currentLocation();
            problems.reportAt(line(at), column(at), ParseMessages.constraint(e, limits));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            problems.reportAt(line(at), column(at), ParseMessages.syntax(e, format));
        } catch (IOException e) {
            problems.reportAt(1, 1, "the file cannot be parsed as " + format);
        }
        return null;
    }

    /** Applies command-line changes to the tree; a change to a place that does not exist is an error. */
    private JsonNode applySettings(ObjectNode tree, List<Setting> settings, String name) throws ProtocolException {
        ObjectMapper yaml = Mappers.reader(Format.YAML, limits);
        List<Problem> problems = new ArrayList<>();
        for (Setting o : settings) {
            try {
                List<String> segments = o.segments();
                JsonNode node = tree;
                StringBuilder at = new StringBuilder();
                for (int i = 0; i < segments.size() - 1; i++) {
                    JsonNode child = child(node, segments.get(i));
                    if (child == null || !child.isContainerNode()) {
                        throw new IllegalArgumentException("the protocol has no " + describe(segments.get(i))
                                + (at.length() == 0 ? " at its top level" : " under " + at) + elements(node)
                                + (node.isObject() ? Spelling.hint(segments.get(i), fieldNames(node)) : ""));
                    }
                    at.append(at.length() == 0 || segments.get(i).startsWith("[") ? "" : ".").append(segments.get(i));
                    node = child;
                }
                String last = segments.get(segments.size() - 1);
                JsonNode value = parseValue(yaml, o.value());
                if (last.startsWith("[")) {
                    int index = index(last);
                    if (!node.isArray() || index >= node.size()) {
                        throw new IllegalArgumentException((node.isArray() ? "the list " : "") + at + " has no element " + last
                                + elements(node));
                    }
                    ((ArrayNode) node).set(index, value);
                } else if (node.isObject()) {
                    ((ObjectNode) node).set(last, value);
                } else {
                    throw new IllegalArgumentException(at + " is not a mapping, so it has no field '" + last + "'");
                }
            } catch (IllegalArgumentException e) {
                // the setting is quoted shortened: it may be the overlong value being refused
                String shown = o.toString().length() <= 80 ? o.toString() : o.toString().substring(0, 77) + "...";
                problems.add(new Problem(Problem.Severity.ERROR, name, "", 0, 0, "cannot --set " + shown + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProtocolException(problems);
        }
        return tree;
    }

    private static JsonNode child(JsonNode node, String segment) {
        if (segment.startsWith("[")) {
            int index = index(segment);
            return node.isArray() && index < node.size() ? node.get(index) : null;
        }
        return node.isObject() ? node.get(segment) : null;
    }

    /** A list index such as [2]; a negative or unreadable one is a mistake in the path. */
    private static int index(String segment) {
        int index;
        try {
            index = Integer.parseInt(segment.substring(1, segment.length() - 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + segment + "' is not a list index such as [0]");
        }
        if (index < 0) {
            throw new IllegalArgumentException("'" + segment + "' is not a list index: elements are counted from [0]");
        }
        return index;
    }

    /** "(it has 2 elements, [0] to [1])" for a list, nothing for anything else. */
    private static String elements(JsonNode node) {
        if (!node.isArray()) {
            return "";
        }
        return node.isEmpty() ? " (it is empty)"
                : node.size() == 1 ? " (it has 1 element, [0])" : " (it has " + node.size() + " elements, [0] to [" + (node.size() - 1) + "])";
    }

    private static String describe(String segment) {
        return segment.startsWith("[") ? "element " + segment : "'" + segment + "'";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * A --set value, read as YAML with the same refusals as a file (aliases, tags, long texts and lines,
     * more than one document); a value that is not YAML at all is taken as text, as it was typed.
     */
    private JsonNode parseValue(ObjectMapper yaml, String text) {
        LongLine longLine = LongLine.first(text, limits.maxTextLength());
        if (longLine != null) {
            throw new IllegalArgumentException(longLine.describe("a line of a value", limits));
        }
        try (JsonParser parser = LengthGuard.guard(yaml.getFactory().createParser(text), limits)) {
            JsonNode value = yaml.readTree(parser);
            if (value != null && !value.isMissingNode() && parser.nextToken() != null) {
                throw new IllegalArgumentException("the value holds more than one YAML document ('---'); give a single value");
            }
            return value == null || value.isMissingNode() ? TextNode.valueOf(text) : value;
        } catch (RefusedInput e) {
            throw new IllegalArgumentException(e.plainMessage());
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException(ParseMessages.constraint(e, limits).replace("the file", "the value"));
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }

    /** Binds the tree to the model, collecting binding problems; null if binding could not finish. */
    private Protocol bind(ObjectMapper mapper, JsonNode tree, ProblemCollector collector, LocatedProblems problems) {
        try (JsonParser parser = mapper.treeAsTokens((ObjectNode) tree)) {
            return mapper.readerFor(Protocol.class).withHandler(collector).readValue(parser);
        } catch (JsonMappingException e) {
            problems.error(pointer(e.getPath()), ParseMessages.binding(e, limits));
        } catch (IOException e) {
            problems.error(JsonPointer.empty(), "the protocol cannot be read from this file");
        }
        return null;
    }

    private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference ref : path) {
            p = ref.getFieldName() != null ? p.appendProperty(ref.getFieldName()) : p.appendIndex(ref.getIndex());
        }
        return p;
    }

    private String decode(String name, byte[] content) throws ProtocolException {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw single(name, String.format(Locale.ROOT, "the file is not UTF-8 text (byte 0x%02X at offset %d cannot be decoded);"
                    + " is it a protocol file?", content[in.position()] & 0xff, in.position()));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw single(name, "the file contains a NUL character at offset " + nul + ", so it is binary, not a protocol file");
        }
        return text;
    }

    private static ProtocolException single(String name, String message) {
        return new ProtocolException(List.of(new Problem(Problem.Severity.ERROR, name, "", 0, 0, message)));
    }

    /**
     * SHA-256 of the protocol's canonical JSON: the same model gives the same hash, however it was written.
     * The JSON is Jackson's writing mapper's, written without that mapper where {@link CanonicalJson} can.
     */
    static String contentHash(Protocol protocol) {
        try {
            byte[] json = CanonicalJson.bytes(protocol);
            if (json == null) {
                json = Mappers.writer(Format.JSON).writeValueAsBytes(protocol);
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a protocol", e);
        }
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
