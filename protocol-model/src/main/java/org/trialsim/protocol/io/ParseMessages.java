package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Jackson's and SnakeYAML's complaints in trialsim's words. Their messages name Java classes, Jackson
 * settings and parser tokens, which mean nothing to someone writing a protocol, so none is passed on as
 * it is: each kind that can happen is recognised and said again plainly, and anything else becomes a
 * plain sentence without the library's text. The hostile-input tests hold a case for every branch.
 */
final class ParseMessages {
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)[^)]*\\)\\):? ?(.*)$");
    private static final Pattern QUOTED = Pattern.compile("'(.*?)'");

    /** SnakeYAML's names for what it expected or found, and for what it was doing, in words. */
    private static final Map<String, String> YAML_TOKENS = new LinkedHashMap<>();

    static {
        YAML_TOKENS.put("<block end>", "the end of an indented block");
        YAML_TOKENS.put("<block mapping start>", "an indented mapping");
        YAML_TOKENS.put("<block sequence start>", "an indented list");
        YAML_TOKENS.put("<stream end>", "the end of the file");
        YAML_TOKENS.put("<stream start>", "the start of the file");
        YAML_TOKENS.put("<document start>", "a new document ('---')");
        YAML_TOKENS.put("<document end>", "the end of the document ('...')");
        YAML_TOKENS.put("<scalar>", "a value");
        YAML_TOKENS.put("<alias>", "an alias");
        YAML_TOKENS.put("<anchor>", "an anchor");
        YAML_TOKENS.put("<tag>", "a tag");
        YAML_TOKENS.put("<directive>", "a directive");
        YAML_TOKENS.put("end of stream", "end of the file");
        YAML_TOKENS.put("while scanning", "while reading");
        YAML_TOKENS.put("while parsing", "while reading");
        YAML_TOKENS.put("a block mapping", "an indented mapping");
        YAML_TOKENS.put("a block sequence", "an indented list");
        YAML_TOKENS.put("block mapping", "indented mapping");
        YAML_TOKENS.put("block sequence", "indented list");
        YAML_TOKENS.put("flow mapping", "{...} mapping");
        YAML_TOKENS.put("flow sequence", "[...] list");
        YAML_TOKENS.put("simple key", "key");
        YAML_TOKENS.put("scalar", "value");
    }

    private ParseMessages() {
    }

    /** A bound Jackson enforces itself (nesting depth, and the backstops of the other bounds). */
    static String constraint(StreamConstraintsException e, Limits limits) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("NestingDepth") || m.contains("nesting depth")) {
            return "the file is nested more than " + limits.maxNestingDepth() + " levels deep; a protocol needs about a dozen,"
                    + " so this is not a protocol file";
        }
        if (m.contains("NumberLength") || m.contains("Number value length")) {
            return "a number is longer than " + limits.maxNumberLength() + " characters, the most a protocol file allows";
        }
        if (m.contains("NameLength") || m.contains("Name length")) {
            return "a name is longer than " + limits.maxNameLength() + " characters, the most a protocol file allows";
        }
        if (m.contains("StringLength") || m.contains("String value length")) {
            return "a text is longer than " + LengthGuard.count(limits.maxTextLength()) + " characters, the most a protocol file allows";
        }
        if (m.contains("DocumentLength") || m.contains("Document length")) {
            return "the file is more than " + ProtocolReader.bytes(limits.maxBytes()) + " long; a protocol file may be at most "
                    + ProtocolReader.bytes(limits.maxBytes());
        }
        return "the file passes one of the bounds on protocol files (docs/limits.md lists them), so it is not read";
    }

    /** A syntax error: the text is not YAML or JSON. */
    static String syntax(JsonProcessingException e, Format format) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException yaml) {
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                return "the YAML cannot be parsed: " + yamlWords(context + yaml.getProblem());
            }
        }
        String m = firstLine(e.getOriginalMessage());
        if (m.startsWith("Duplicate field")) {
            return "the field '" + quoted(m) + "' is given twice in the same mapping";
        }
        if (format == Format.YAML) {
            // Jackson's own complaints about YAML: a mapping key that is a list or a mapping, and the like
            return "the YAML cannot be parsed here: a protocol file is made of mappings with plain names as keys, lists and values";
        }
        return "the JSON cannot be parsed here: " + json(m);
    }

    private static String json(String m) {
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends before the JSON is complete (a closing '}', ']' or '\"' is missing)";
        }
        Matcher c = UNEXPECTED_CHARACTER.matcher(m);
        if (c.matches()) {
            int code = Integer.parseInt(c.group(2));
            String shown = code < 0x20 || code == 0x7f ? String.format(Locale.ROOT, "U+%04X", code) : "'" + c.group(1) + "'";
            return "unexpected character " + shown + expected(c.group(3));
        }
        if (m.startsWith("Unrecognized token")) {
            return "'" + Describe.abbreviate(quoted(m)) + "' is not a JSON value; a text is written in double quotes";
        }
        if (m.startsWith("Non-standard token")) {
            return "'" + quoted(m) + "' is not a number JSON allows";
        }
        if (m.contains("Illegal unquoted character")) {
            return "a control character inside a text must be written as an escape such as \\n or \\t";
        }
        if (m.contains("Unrecognized character escape")) {
            return "a text holds an unknown escape; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing bracket does not match the one that opened";
        }
        if (m.contains("Invalid numeric value") || m.contains("Leading zeroes") || m.contains("Invalid number")) {
            return "a number is not written as JSON writes numbers (e.g. 12, -0.5, 1e-4)";
        }
        return "the JSON is malformed here";
    }

    private static String expected(String rest) {
        if (rest.contains("double-quote to start field name")) {
            return "; a field name in double quotes was expected";
        }
        if (rest.contains("comma to separate Object entries")) {
            return "; a ',' between the fields of a mapping was expected";
        }
        if (rest.contains("comma to separate Array entries")) {
            return "; a ',' between the entries of a list was expected";
        }
        if (rest.contains("colon to separate field name and value")) {
            return "; a ':' after the field name was expected";
        }
        if (rest.contains("comment")) {
            return "; JSON has no comments";
        }
        if (rest.contains("expected a valid value") || rest.contains("expected a value")) {
            return "; a value (a number, a text in double quotes, true, false, null, a list or a mapping) was expected";
        }
        return "";
    }

    /** A value that the model cannot take, found while binding: a wrong type, a number out of range. */
    static String binding(JsonMappingException e, Limits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException c) {
                return constraint(c, limits);
            }
            if (t instanceof InputCoercionException c) {
                Class<?> target = c.getTargetType();
                String range = target == Integer.class || target == Integer.TYPE ? " from -2,147,483,648 to 2,147,483,647"
                        : target == Long.class || target == Long.TYPE ? " from -9,223,372,036,854,775,808 to 9,223,372,036,854,775,807" : "";
                return "the number is out of range here; expected a whole number" + range;
            }
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + Describe.expected(TypeFactory.defaultInstance().constructType(f.getTargetType()))
                    + " but found " + value(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + Describe.expected(TypeFactory.defaultInstance().constructType(m.getTargetType())) + " here";
        }
        return "this value cannot be read here; see docs/protocol-format.md for what this field holds";
    }

    private static String value(Object value) {
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof String s) {
            return "the text '" + Describe.abbreviate(s) + "'";
        }
        return "another kind of value";
    }

    private static String yamlWords(String text) {
        String s = text;
        for (Map.Entry<String, String> token : YAML_TOKENS.entrySet()) {
            s = s.replace("'" + token.getKey() + "'", token.getValue()).replace(token.getKey(), token.getValue());
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String quoted(String m) {
        Matcher q = QUOTED.matcher(m);
        return q.find() ? q.group(1) : "";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().split("\\R", 2)[0];
    }
}
