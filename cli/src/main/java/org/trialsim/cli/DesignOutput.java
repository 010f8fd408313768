package org.trialsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.TrialsimVersion;
import org.trialsim.simulator.run.Provenance;

/** What the design calculators ({@code design simon}, {@code escalate}) share: formats, provenance, numbers. */
final class DesignOutput {
    /** How a calculator's result is written. */
    enum Format {
        /** Readable text, at most 100 columns wide. */
        TABLE,
        /** JSON with the full result and its provenance. */
        JSON
    }

    private DesignOutput() {
    }

    /**
     * A JSON document with the provenance every result carries: tool version, command, and protocol. It
     * keeps the calculators' own shape (the tool and version in one string, the protocol as an object);
     * the values are those of a {@link Provenance}, and the escalation's seed, generator and replicates
     * are in its result.
     */
    static ObjectNode envelope(String command, LoadedProtocol protocol) {
        ObjectNode root = Json.object();
        root.put("tool", Provenance.TOOL + " " + TrialsimVersion.get());
        root.put("command", command);
        if (protocol != null) {
            ObjectNode p = root.putObject("protocol");
            p.put("id", protocol.protocol().id());
            p.put("source", protocol.source());
            p.put("contentHash", protocol.contentHash());
        }
        return root;
    }

    /** A number with up to the given decimals, trailing zeros dropped, e.g. 0.05 or 10. */
    static String num(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /** A number as given, for echoing a parameter: 0.05, 28, 0.125. */
    static String num(double v) {
        return num(v, 6);
    }

    /** A percentage with one decimal, e.g. 35.7%. */
    static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /**
     * A Monte Carlo estimate as "value ± se", rounded where the standard error says the digits stop
     * meaning anything: to its first significant digit, or its first two when that digit is 1 (so
     * 36.2 ± 1.1, 250.3 ± 0.7), and at most {@code maxDecimals} decimals; "± 0" when every replicate
     * agreed.
     */
    static String estimate(double value, double se, int maxDecimals) {
        int decimals;
        if (se > 0) {
            int exponent = (int) Math.floor(Math.log10(se));
            double lead = se / Math.pow(10, exponent);
            decimals = Math.max(0, Math.min(maxDecimals, -exponent + (lead < 2 ? 1 : 0)));
        } else {
            decimals = Math.min(2, maxDecimals);
        }
        String v = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (v.matches("-0(\\.0*)?")) {
            v = v.substring(1);
        }
        String e = se > 0 ? String.format(Locale.ROOT, "%." + decimals + "f", se) : "0";
        return v + " ± " + e;
    }

    /** A probability estimate in percent, as "35.7 ± 0.3%". */
    static String pctEstimate(double p, double se) {
        return estimate(100 * p, 100 * se, 3) + "%";
    }

    /** Pads on the right to the width. */
    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Pads on the left to the width. */
    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
