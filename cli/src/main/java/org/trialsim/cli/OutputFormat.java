package org.trialsim.cli;

/** How a command writes its result. */
enum OutputFormat {
    /** A table for a person to read, fitting a terminal. */
    TABLE,
    /** The full result as JSON (documented in docs/). */
    JSON,
    /** Long-format CSV for R, Python or a spreadsheet. */
    CSV
}
