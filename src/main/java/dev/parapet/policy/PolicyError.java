package dev.parapet.policy;

/**
 * One problem in one policy file, as authors need it: which file, which line (0 when unknown) and what
 * is wrong. Scenario failures use the scenario file and the case name as {@code file} and {@code message}.
 */
public record PolicyError(String file, int line, String message) {

    public PolicyError {
        file = file == null ? "" : file;
        message = message == null ? "" : message.strip();
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
