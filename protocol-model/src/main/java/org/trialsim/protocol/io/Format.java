package org.trialsim.protocol.io;

import java.util.Locale;

/** The two syntaxes of a protocol file; both hold the same model. */
public enum Format {
    YAML, JSON;

    /**
     * The format of a file: by its extension ({@code .json}, {@code .yaml}, {@code .yml}), otherwise
     * JSON if the text starts with '{', else YAML.
     */
    public static Format detect(String fileName, String text) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }
}
