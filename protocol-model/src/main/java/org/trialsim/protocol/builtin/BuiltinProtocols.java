package org.trialsim.protocol.builtin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;

/** The protocols that ship with trialsim, by id. */
public final class BuiltinProtocols {
    /** The ids of the built-in protocols, in the order they are listed. */
    public static final List<String> IDS = List.of("interfant-21", "interfant-06-blina", "aall1331", "aall1121", "cccg-blina-d19");

    private BuiltinProtocols() {
    }

    /** Whether a built-in protocol has this id. */
    public static boolean exists(String id) {
        return IDS.contains(id);
    }

    /** The name a built-in is reported under in messages and provenance, e.g. {@code builtin:aall1331}. */
    public static String sourceName(String id) {
        return "builtin:" + id;
    }

    /** The YAML text of a built-in protocol, if there is one with this id. */
    public static Optional<byte[]> text(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        byte[] text = resource(id + ".yaml");
        if (text == null) {
            throw new IllegalStateException("the built-in protocol " + id + " is missing from the jar");
        }
        return Optional.of(text);
    }

    /**
     * The resource name of a built-in's JSON twin, beside its YAML, from which it is loaded without changes
     * ({@code JsonTwin} in the reader's package).
     */
    public static String twinName(String id) {
        return id + ".twin.json";
    }

    /** A resource's bytes, or null if there is no such resource. */
    private static byte[] resource(String name) {
        try (InputStream in = BuiltinProtocols.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " of the built-in protocols", e);
        }
    }

    /**
     * What {@code trialsim protocols} lists of a built-in.
     *
     * @param id       the protocol's id
     * @param registry its trial registry number, or null if it has none
     * @param title    its one-line title
     */
    public record Listing(String id, String registry, String title) {
    }

    /**
     * The listing of every built-in, in the order of {@link #IDS}, from the head of each file: the YAML
     * tokenizer reads the top-level scalars (id, title, registry, description, currency) and stops at
     * the first mapping or list. Binding, validating and tokenizing the rest of five files took ten times
     * as long in a fresh JVM, for three values; the built-ins are valid, and a test checks each listing
     * against the loaded protocol, so a built-in that moved its registry number below a list would fail it.
     */
    public static List<Listing> listings() {
        YAMLFactory yaml = new YAMLFactory();
        List<Listing> listings = new ArrayList<>();
        for (String id : IDS) {
            Map<String, String> fields = new HashMap<>();
            try (JsonParser parser = yaml.createParser(text(id).orElseThrow())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalStateException("the built-in protocol " + id + " is not a mapping");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME && parser.nextToken().isScalarValue()) {
                    fields.put(parser.currentName(), parser.getText());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the built-in protocol " + id, e);
            }
            listings.add(new Listing(fields.get("id"), fields.get("registry"), fields.get("title")));
        }
        return List.copyOf(listings);
    }

    /**
     * Loads a built-in protocol.
     *
     * @throws IllegalArgumentException if there is no built-in with this id
     * @throws ProtocolException        if the built-in is invalid (a bug, caught by the tests)
     */
    public static LoadedProtocol load(String id) throws ProtocolException {
        return load(id, List.of());
    }

    /**
     * Loads a built-in protocol with changes given on the command line.
     *
     * @throws IllegalArgumentException if there is no built-in with this id
     * @throws ProtocolException        if the changed protocol is invalid
     */
    public static LoadedProtocol load(String id, List<Setting> settings) throws ProtocolException {
        if (!exists(id)) {
            throw new IllegalArgumentException("no built-in protocol '" + id + "'");
        }
        byte[] text = text(id).orElseThrow();
        byte[] twin = settings.isEmpty() ? resource(twinName(id)) : null;
        return twin != null ? new ProtocolReader().read(sourceName(id) + ".yaml", text, twin)
                : new ProtocolReader().read(sourceName(id) + ".yaml", text, settings);
    }
}
