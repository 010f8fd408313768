package org.trialsim.protocol;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A protocol read from a file and validated, with what is needed to trace results back to it.
 *
 * <p>The content hash may be computed when it is first asked for: it serializes the whole protocol,
 * which in a fresh JVM took about a tenth of a second, and only a command that writes provenance (a
 * simulation, a design from a protocol) needs it; {@code validate}, {@code show} and {@code export}
 * do not.
 */
public final class LoadedProtocol {
    private final Protocol protocol;
    private final String source;
    private final List<String> settings;
    private final List<Problem> warnings;
    private Function<Protocol, String> hash;
    private String contentHash;

    /**
     * A loaded protocol whose content hash is known.
     *
     * @param protocol    the protocol
     * @param source      the file or built-in it came from, e.g. {@code builtin:interfant-21}
     * @param contentHash SHA-256 of the protocol as loaded (after any overrides), as hex
     * @param settings    the changes applied on loading ({@code --set}), as {@code path=value}, in order
     * @param warnings    validation warnings (the protocol has no errors)
     */
    public LoadedProtocol(Protocol protocol, String source, String contentHash, List<String> settings, List<Problem> warnings) {
        this(protocol, source, settings, warnings, null);
        this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
    }

    private LoadedProtocol(Protocol protocol, String source, List<String> settings, List<Problem> warnings,
                           Function<Protocol, String> hash) {
        this.protocol = protocol;
        this.source = source;
        this.settings = List.copyOf(settings);
        this.warnings = List.copyOf(warnings);
        this.hash = hash;
    }

    /**
     * A loaded protocol whose content hash is computed by {@code hash} when {@link #contentHash()} is
     * first called (once, whatever the number of threads asking).
     */
    public static LoadedProtocol hashedWhenAsked(Protocol protocol, String source, List<String> settings, List<Problem> warnings,
                                                 Function<Protocol, String> hash) {
        return new LoadedProtocol(protocol, source, settings, warnings, Objects.requireNonNull(hash, "hash"));
    }

    /** The protocol. */
    public Protocol protocol() {
        return protocol;
    }

    /** The file or built-in it came from, e.g. {@code builtin:interfant-21}. */
    public String source() {
        return source;
    }

    /** SHA-256 of the protocol as loaded (after any overrides), as hex. */
    public synchronized String contentHash() {
        if (contentHash == null) {
            contentHash = hash.apply(protocol);
            hash = null;
        }
        return contentHash;
    }

    /** The changes applied on loading ({@code --set}), as {@code path=value}, in order. */
    public List<String> settings() {
        return settings;
    }

    /** Validation warnings (the protocol has no errors). */
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "LoadedProtocol[" + source + (settings.isEmpty() ? "" : " " + settings) + "]";
    }
}
