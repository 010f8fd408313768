package org.trialsim.protocol;

import java.util.List;

/**
 * A protocol read from a file and validated, with what is needed to trace results back to it.
 *
 * @param protocol    the protocol
 * @param source      the file or built-in it came from, e.g. {@code builtin:interfant-21}
 * @param contentHash SHA-256 of the protocol as loaded (after any overrides), as hex
 * @param settings    the changes applied on loading ({@code --set}), as {@code path=value}, in order
 * @param warnings    validation warnings (the protocol has no errors)
 */
public record LoadedProtocol(Protocol protocol, String source, String contentHash, List<String> settings,
                             List<Problem> warnings) {
    public LoadedProtocol {
        settings = List.copyOf(settings);
        warnings = List.copyOf(warnings);
    }
}
