package dev.parapet.cli;

import java.util.List;

/**
 * A command run from the packaged application instead of the server:
 * {@code java -jar target/quarkus-app/quarkus-run.jar <name> [args...]}. Each command is one CDI bean;
 * adding one touches no other file.
 */
public interface CliCommand {

    /** The first command-line word that selects this command (for example {@code policy}). */
    String name();

    /** One line for the usage listing. */
    String summary();

    /** Runs with the remaining arguments; returns the process exit code. Prints for people, not logs. */
    int run(List<String> args);
}
