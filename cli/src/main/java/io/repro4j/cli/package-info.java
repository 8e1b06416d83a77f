/**
 * The {@code repro4j} command line ({@code bin/repro4j}): one picocli command per subcommand, exit 0 same or ok,
 * 1 differs or failed, 2 bad input with a one-line reason on stderr. Kept out of the harness, so production code
 * does not carry picocli.
 */
package io.repro4j.cli;
