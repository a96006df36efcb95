package org.hotcell.runtime.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.hotcell.runtime.testing.PluginJars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust files, hashes, real signatures made with the JDK's keytool and jarsigner, and plugins-directory rights. */
class TrustPolicyTest {
    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void buildJar() throws IOException {
        jar = PluginJars.plugin("org.example.trusty", "1.0.0").activation("trusty", "return x;")
                .build(dir.resolve("trusty.jar"));
    }

    @Test
    void withoutATrustFileEveryJarIsTrusted() {
        assertThat(TrustPolicy.allowAll().restricts()).isFalse();
        assertThat(TrustPolicy.allowAll().check(jar).trusted()).isTrue();
    }

    @Test
    void aListedSha256IsTrustedAndAnyOtherJarIsRefusedNamingItsHash() throws IOException {
        String hash = TrustPolicy.sha256(jar);
        Path trust = Files.writeString(dir.resolve("trust.txt"), "# plugins we accept\nsha256:" + hash.toUpperCase()
                + "  trusty.jar\n");
        TrustPolicy policy = TrustPolicy.read(trust);
        assertThat(policy.check(jar)).isEqualTo(Verdict.trusted("SHA-256 " + hash + " is listed in " + trust));

        Path other = PluginJars.plugin("org.example.other", "1.0.0").activation("other", "return -x;")
                .build(dir.resolve("other.jar"));
        Verdict refused = policy.check(other);
        assertThat(refused.trusted()).isFalse();
        assertThat(refused.reason()).contains(TrustPolicy.sha256(other)).contains("is not listed in " + trust)
                .contains("no certificate is listed");
    }

    @Test
    void aLineThatIsNeitherHashNorCommentNorCertificateIsNamed() throws IOException {
        Path trust = Files.writeString(dir.resolve("trust.txt"), "# ok\n\nnot-a-hash\n");
        assertThatThrownBy(() -> TrustPolicy.read(trust)).isInstanceOf(UntrustedPluginException.class)
                .hasMessageContaining("line 3").hasMessageContaining("'not-a-hash'");
    }

    @Test
    void aJarSignedByAListedCertificateIsTrustedAndByAnotherIsRefused() throws Exception {
        Path keystore = dir.resolve("keys.p12");
        Path cert = dir.resolve("cert.pem");
        Path otherCert = dir.resolve("other.pem");
        tool("keytool", "-genkeypair", "-alias", "signer", "-keyalg", "EC", "-keystore", keystore.toString(),
                "-storepass", "secret1", "-dname", "CN=Hotcell Test Signer", "-validity", "2");
        tool("keytool", "-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-keystore", keystore.toString(),
                "-storepass", "secret1", "-dname", "CN=Stranger", "-validity", "2");
        tool("keytool", "-exportcert", "-rfc", "-alias", "signer", "-keystore", keystore.toString(), "-storepass",
                "secret1", "-file", cert.toString());
        tool("keytool", "-exportcert", "-rfc", "-alias", "stranger", "-keystore", keystore.toString(), "-storepass",
                "secret1", "-file", otherCert.toString());
        tool("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret1", jar.toString(), "signer");

        TrustPolicy signerTrusted = TrustPolicy.read(Files.writeString(dir.resolve("a.txt"), Files.readString(cert)));
        assertThat(signerTrusted.check(jar).trusted()).isTrue();
        assertThat(signerTrusted.check(jar).reason()).contains("signed by a certificate listed");

        TrustPolicy strangerTrusted = TrustPolicy.read(Files.writeString(dir.resolve("b.txt"),
                Files.readString(otherCert)));
        Verdict refused = strangerTrusted.check(jar);
        assertThat(refused.trusted()).isFalse();
        assertThat(refused.reason()).contains("is not signed by a listed certificate");
    }

    @Test
    void aPluginsDirectoryOthersCanWriteToIsRefusedUnlessForced() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PluginDirectory.prepare(shared, false)).isInstanceOf(UntrustedPluginException.class)
                .hasMessageContaining(shared.toString()).hasMessageContaining("rwxrwxrwx")
                .hasMessageContaining("--force");
        assertThat(PluginDirectory.prepare(shared, true)).isEqualTo(shared.toAbsolutePath().normalize());

        Path own = Files.createDirectory(dir.resolve("own"));
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(PluginDirectory.prepare(own, false)).isEqualTo(own.toAbsolutePath().normalize());
        assertThat(PluginDirectory.prepare(dir.resolve("created/later"), false)).isDirectory();
    }

    private static void tool(String name, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", name).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(name + ": " + output).isZero();
    }
}
