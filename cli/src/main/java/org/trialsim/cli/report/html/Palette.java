package org.trialsim.cli.report.html;

/**
 * The colours and line patterns of a chart's series. The colours are Okabe and Ito's set for colour
 * blindness ("Color Universal Design", 2008), ordered so that neighbours differ in lightness too; every
 * series also has its own dash pattern (lines) or hatching (bars), so that series stay apart in a
 * greyscale print where two colours come out the same grey.
 */
public final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"};
    private static final String[] DASHES = {"", "7 4", "2 3", "10 3 2 3", "4 2", "1 2", "12 4"};

    private Palette() {
    }

    /** The colour of the series with this index (from 0; the colours repeat after seven). */
    public static String colour(int series) {
        return COLOURS[Math.floorMod(series, COLOURS.length)];
    }

    /** The SVG stroke-dasharray of the series' lines, empty for a solid line. */
    public static String dash(int series) {
        return DASHES[Math.floorMod(series, DASHES.length)];
    }

    /** Whether the series' bars are hatched (every other one), so that neighbouring bars differ without colour. */
    static boolean hatched(int series) {
        return Math.floorMod(series, 2) == 1;
    }
}
