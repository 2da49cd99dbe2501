package dev.parapet.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the HTTP service when run without arguments; with arguments, runs the named {@link CliCommand}
 * (for example {@code policy test policies/}) and exits with its code.
 */
@QuarkusMain
public class ParapetMain implements QuarkusApplication {

    @Inject
    Instance<CliCommand> commands;

    public static void main(String... args) {
        if (args.length > 0 && !"serve".equals(args[0])) {
            // A command shares the machine with a running service: take any free port, keep the console quiet.
            System.setProperty("quarkus.http.port", "0");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
        }
        Quarkus.run(ParapetMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0 || "serve".equals(args[0])) {
            Quarkus.waitForExit();
            return 0;
        }
        Map<String, CliCommand> byName = new TreeMap<>();
        commands.forEach(c -> byName.put(c.name(), c));
        CliCommand command = byName.get(args[0]);
        if (command == null) {
            System.err.println("Unknown command '" + args[0] + "'. Usage: parapet [serve | <command> args...]");
            byName.values().forEach(c -> System.err.printf("  %-10s %s%n", c.name(), c.summary()));
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return command.run(rest);
    }
}
