package org.webrtcprimer.turn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The TLS certificate of the kit's coturn ({@code turns:}): self-signed, made on the fly once per
 * JVM with {@code openssl} where it is installed, else with the JDK's own {@code keytool}, and
 * deleted when the JVM exits. The peers accept it only with {@code acceptAnyCertificate} (the
 * engine's {@code TlsCertPolicy.INSECURE_NO_CHECK}); a browser would refuse it.
 */
final class SelfSignedCertificate {
    private SelfSignedCertificate() {}

    /** The PEM certificate and key files. */
    record Pem(Path cert, Path key) {}

    private static Pem made;

    static synchronized Pem files() {
        if (made != null && Files.exists(made.cert()) && Files.exists(made.key())) return made;
        try {
            Path dir = Files.createTempDirectory("webrtc-primer-tls-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
            if (!withOpenssl(cert, key)) withKeytool(dir, cert, key);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CoturnLauncher.deleteTree(dir), "webrtc-primer-tls-cleanup"));
            made = new Pem(cert, key);
            return made;
        } catch (IOException e) {
            throw new TurnServerException("could not make a TLS certificate for coturn's turns: listener: " + e.getMessage()
                    + " — start it without TLS: TurnConfig.defaults().withoutTransport(\"tls\")", e);
        }
    }

    private static boolean withOpenssl(Path cert, Path key) {
        List<String> cmd = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=webrtc-primer-turn");
        return run(cmd) && Files.exists(cert) && Files.exists(key);
    }

    private static void withKeytool(Path dir, Path cert, Path key) throws IOException {
        Path store = dir.resolve("turn.p12");
        String pass = TurnConfig.randomToken(12);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> cmd = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "turn", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=webrtc-primer-turn", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", pass, "-keypass", pass));
        if (!run(cmd)) throw new IOException("neither openssl nor keytool could make a certificate");
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass.toCharArray());
            Key k = ks.getKey("turn", pass.toCharArray());
            Certificate c = ks.getCertificate("turn");
            Files.writeString(key, pem("PRIVATE KEY", k.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(cert, pem("CERTIFICATE", c.getEncoded()), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IOException("keytool's keystore could not be read: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static boolean run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
