/**
 * The {@code newsbrief} command line, with picocli: one class per subcommand, each parsing its
 * options, calling the {@link org.newsbrief.Newsbrief} facade once and printing the outcome.
 * Exit codes: 0 success, 1 failure (also when some inputs were skipped), 2 bad usage.
 */
package org.newsbrief.cli;
