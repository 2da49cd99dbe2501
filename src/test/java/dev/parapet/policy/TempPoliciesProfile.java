package dev.parapet.policy;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves temporary copies of policies/ and rails/ that tests may edit while the service runs, watched every
 * 200 ms. Test classes sharing this profile share one running application and one copy.
 */
public class TempPoliciesProfile implements QuarkusTestProfile {

    // A system property, not a static field: Quarkus loads this class in more than one class loader,
    // and the copy the test edits must be the one the service watches.
    private static final String PROPERTY = "parapet.test.policies-copy";
    private static final String RAILS_PROPERTY = "parapet.test.rails-copy";

    /** The copy the service watches; created on first use. */
    public static Path dir() {
        synchronized (System.class) {
            String existing = System.getProperty(PROPERTY);
            if (existing != null) {
                return Path.of(existing);
            }
            try {
                Path target = Files.createDirectories(Path.of("target"));
                Path dir = Files.createTempDirectory(target, "policies-");
                copy(Path.of("policies"), dir);
                Path rails = Files.createTempDirectory(target, "rails-");
                copy(Path.of("rails"), rails);
                System.setProperty(RAILS_PROPERTY, rails.toString());
                System.setProperty(PROPERTY, dir.toString());
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The copy of rails/ the service watches. */
    public static Path railsDir() {
        dir();
        return Path.of(System.getProperty(RAILS_PROPERTY));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parapet.policies.dir", dir().toString(), "parapet.rails.dir", railsDir().toString(),
                "parapet.policies.poll-interval", "200ms");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
