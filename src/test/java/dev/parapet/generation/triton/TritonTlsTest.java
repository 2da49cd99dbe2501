package dev.parapet.generation.triton;

import static dev.parapet.generation.triton.TritonGeneratorNemoTest.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.generation.GenerationException;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to Triton: with {@code tls.enabled} and the server's certificate as {@code trust-cert-file}, the
 * generator talks to a TLS-only fake; without trusting it, the handshake fails and the call is
 * unavailable. The certificate is made for the test with the JDK's keytool.
 */
class TritonTlsTest {

    @TempDir
    static Path dir;
    static Path keystore;
    static Path certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "fake-triton", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "fake-triton", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", certificate.toString());
    }

    @Test
    void talksToATlsTritonItTrusts() throws Exception {
        try (FakeTriton fake = new FakeTriton(FakeModels.nemo("2.2"), serverTls())) {
            fake.reply("over TLS");
            TritonGenerator generator = new TritonGenerator(TritonTestConfig.of(fake,
                    "tls.enabled", "true", "tls.trust-cert-file", certificate.toString()));
            try {
                assertEquals("over TLS", generator.generate(plain()).text());
                assertTrue(generator.readiness().ready());
            } finally {
                generator.close();
            }
        }
    }

    @Test
    void refusesAServerItDoesNotTrust() throws Exception {
        try (FakeTriton fake = new FakeTriton(FakeModels.nemo("2.2"), serverTls())) {
            TritonGenerator generator = new TritonGenerator(TritonTestConfig.of(fake, "tls.enabled", "true"));
            try {
                assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
                assertTrue(fake.received().isEmpty());
            } finally {
                generator.close();
            }
        }
    }

    @Test
    void plaintextClientGetsNoAnswerFromATlsServer() throws Exception {
        try (FakeTriton fake = new FakeTriton(FakeModels.nemo("2.2"), serverTls())) {
            TritonGenerator generator = new TritonGenerator(TritonTestConfig.of(fake));
            try {
                assertThrows(GenerationException.Unavailable.class, () -> generator.generate(plain()));
            } finally {
                generator.close();
            }
        }
    }

    private static io.netty.handler.ssl.SslContext serverTls() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        return GrpcSslContexts.configure(SslContextBuilder.forServer(keys)).build();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
