/**
 * The {@code trialsim} command: one picocli class per subcommand, all output through the command's
 * own writers (so tests can capture it), usage errors exit 2, and no stack trace unless
 * {@code --verbose}. Exit codes are in {@link org.trialsim.cli.ExitCode}.
 */
package org.trialsim.cli;
