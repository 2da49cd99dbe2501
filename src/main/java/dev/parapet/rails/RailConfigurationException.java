package dev.parapet.rails;

/** A rails/*.yaml file that cannot be loaded; the message names the file and, where known, the rail. */
public class RailConfigurationException extends RuntimeException {

    private final String file;

    public RailConfigurationException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
