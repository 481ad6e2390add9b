package app.parley.server.tls;

import app.parley.server.config.DataDirectory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate HTTPS is served with. The admin's own (PEM certificate and key), or one the
 * server makes on first start: self-signed, an EC P-256 key, valid ten years, named for this
 * machine's host name and addresses, kept in the data dir readable by its owner only, so that
 * its fingerprint stays the same across restarts and the apps that trusted it keep trusting it.
 * Either way it is put into a PKCS#12 key store (secrets/tls.p12, with a random password beside
 * it) for the HTTPS listener.
 */
@Singleton
public class TlsCertificates {
    static final String CERTIFICATE = "tls-certificate.pem";
    static final String KEY = "tls-key.pem";
    static final String KEY_STORE = "tls.p12";
    static final String KEY_STORE_PASSWORD = "tls.p12.password";
    private static final String ALIAS = "parley";

    private final DataDirectory dataDirectory;
    private final Clock clock;

    TlsCertificates(DataDirectory dataDirectory, Clock clock) {
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /** The key store for these settings, made or remade from the certificate and key as needed. */
    public TlsMaterial prepare(TlsSettings settings) {
        Path secrets = dataDirectory.resolveDir("secrets");
        try {
            Path certificateFile;
            Path keyFile;
            if (settings.providedCertificate()) {
                certificateFile = Path.of(settings.certificate());
                keyFile = Path.of(settings.privateKey() == null ? "" : settings.privateKey());
            } else {
                certificateFile = secrets.resolve(CERTIFICATE);
                keyFile = secrets.resolve(KEY);
                if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
                    makeSelfSigned(certificateFile, keyFile);
                }
            }
            List<X509Certificate> chain = readCertificates(certificateFile);
            PrivateKey key = readKey(keyFile);
            String password = password(secrets.resolve(KEY_STORE_PASSWORD));
            Path keyStore = secrets.resolve(KEY_STORE);
            writeKeyStore(keyStore, password, key, chain);
            return new TlsMaterial(keyStore, password, chain.getFirst());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the TLS certificate in " + secrets, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot prepare the TLS certificate: " + e.getMessage(), e);
        }
    }

    private void makeSelfSigned(Path certificateFile, Path keyFile)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        String host = hostName();
        X500Name subject = new X500Name("CN=Parley on " + host.replaceAll("[,=+<>#;\"\\\\]", "-"));
        Instant now = clock.instant();
        var builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))),
                subject,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames(host)));
        X509CertificateHolder holder =
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        writeOwnerOnly(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        writeOwnerOnly(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
    }

    /** localhost, this machine's name and its addresses: names a client may reach it by. */
    private static GeneralName[] alternativeNames(String host) {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        if (host.matches("[A-Za-z0-9.-]+")) {
            names.add(new GeneralName(GeneralName.dNSName, host));
        }
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress()));
                    }
                }
            }
        } catch (SocketException | RuntimeException e) {
            // Names are a convenience for browsers; the app pins the certificate itself.
        }
        return names.toArray(GeneralName[]::new);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no PEM certificate in " + file);
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        }
        throw new GeneralSecurityException("no unencrypted PEM private key in " + file);
    }

    /** The key store's password: random, made once, beside it and as private as it. */
    private static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void writeKeyStore(Path file, String password, PrivateKey key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(Certificate[]::new));
        Path temp = Files.createTempFile(file.getParent(), "tls", ".tmp");
        try {
            ownerOnly(temp);
            try (var out = Files.newOutputStream(temp)) {
                store.store(out, password.toCharArray());
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "tls", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data dir under the user's profile is private already.
        }
    }
}
