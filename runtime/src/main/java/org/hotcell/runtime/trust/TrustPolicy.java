package org.hotcell.runtime.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcell.core.registry.PluginRegistry;

/**
 * Which plugin jars may load, and which plugins may take names that another plugin serves. Without a trust file
 * every jar may load ({@link #allowAll()}); with one, a jar loads only when its SHA-256 is listed, or when every
 * class and resource in it is signed by a listed certificate. Either way no plugin may serve a name (activation,
 * cell type or backend) that another serves, unless {@link #allowingOverridesBy} names it.
 *
 * <p>The trust file is text: one SHA-256 per line as 64 hex digits (optionally after {@code sha256:}, optionally
 * followed by a comment such as the file name), {@code #} comments, and X.509 certificates in PEM
 * ({@code -----BEGIN CERTIFICATE-----} ... {@code -----END CERTIFICATE-----}) whose signatures are accepted.
 */
public final class TrustPolicy {
    private static final Pattern HASH = Pattern.compile("^(?:sha-?256[:=\\s]\\s*)?([0-9a-fA-F]{64})\\b.*$");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    private final String source;
    private final Set<String> hashes;
    private final List<Certificate> certificates;
    private final Set<String> overriders;

    private TrustPolicy(String source, Set<String> hashes, List<Certificate> certificates, Set<String> overriders) {
        this.source = source;
        this.hashes = Set.copyOf(hashes);
        this.certificates = List.copyOf(certificates);
        this.overriders = Set.copyOf(overriders);
    }

    /**
     * The same policy, where the plugins named (bundle symbolic names or module names, as {@code --allow-override}
     * gives them) may take names that other plugins serve.
     */
    public TrustPolicy allowingOverridesBy(Set<String> plugins) {
        return new TrustPolicy(source, hashes, certificates, plugins);
    }

    /** Whether the plugin of this registry origin may take names another plugin serves. */
    public boolean mayOverride(String origin) {
        return overriders.stream().anyMatch(plugin -> PluginRegistry.originOf(origin, plugin));
    }

    /** Trusts every jar: the policy when no trust file is given. */
    public static TrustPolicy allowAll() {
        return new TrustPolicy(null, Set.of(), List.of(), Set.of());
    }

    /**
     * Reads a trust file.
     *
     * @throws UntrustedPluginException when a line is neither a hash, a comment nor part of a certificate, or a
     *                                  certificate does not parse; the message names the file and line
     */
    public static TrustPolicy read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Certificate> certificates = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        while (pem.find()) {
            try {
                certificates.add(x509.generateCertificate(new ByteArrayInputStream(
                        pem.group().getBytes(StandardCharsets.US_ASCII))));
            } catch (CertificateException e) {
                throw new UntrustedPluginException("trust file " + file + ": certificate " + (certificates.size() + 1)
                        + " does not parse: " + e.getMessage());
            }
        }
        Set<String> hashes = new TreeSet<>();
        String[] lines = pem.replaceAll("").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher hash = HASH.matcher(line);
            if (!hash.matches()) {
                throw new UntrustedPluginException("trust file " + file + " line " + (i + 1) + ": '" + line
                        + "' is not a SHA-256 (64 hex digits), a # comment or a PEM certificate");
            }
            hashes.add(hash.group(1).toLowerCase(Locale.ROOT));
        }
        return new TrustPolicy(file.toString(), hashes, certificates, Set.of());
    }

    /** Whether this policy checks anything (false for {@link #allowAll()}). */
    public boolean restricts() {
        return source != null;
    }

    /** Decides whether {@code jar} may load; never throws for a bad jar, it is refused with the reason. */
    public Verdict check(Path jar) {
        if (!restricts()) {
            return Verdict.trusted("no trust file given: every plugin is trusted");
        }
        String sha256;
        try {
            sha256 = sha256(jar);
        } catch (IOException e) {
            return Verdict.refused("cannot read it: " + e.getMessage());
        }
        if (hashes.contains(sha256)) {
            return Verdict.trusted("SHA-256 " + sha256 + " is listed in " + source);
        }
        String signature = signatureProblem(jar);
        if (signature == null) {
            return Verdict.trusted("signed by a certificate listed in " + source);
        }
        return Verdict.refused("its SHA-256 " + sha256 + " is not listed in " + source + " and " + signature);
    }

    /** The SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Null when every entry is signed by a listed certificate; else what is wrong, in words. */
    private String signatureProblem(Path jar) {
        if (certificates.isEmpty()) {
            return "no certificate is listed to check its signature against";
        }
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            int signed = 0;
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                // Reading the entry to its end is what makes JarFile verify its digest (a tampered entry throws).
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || !signedByListed(signers)) {
                    return "entry " + entry.getName() + " is not signed by a listed certificate";
                }
                signed++;
            }
            return signed == 0 ? "it holds nothing signed" : null;
        } catch (IOException | SecurityException e) {
            return "its signature does not verify: " + e.getMessage();
        }
    }

    private boolean signedByListed(CodeSigner[] signers) {
        for (CodeSigner signer : signers) {
            List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
            for (Certificate certificate : chain) {
                if (certificates.contains(certificate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || upper.startsWith("META-INF/") && (upper.endsWith(".SF")
                || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }
}
