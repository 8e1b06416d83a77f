package io.repro4j.harness.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/** Lowercase hex SHA-256, the digest every reference fingerprint is built from. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Sha256 {

    private Sha256() {
    }

    /** The 64-hex-digit SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The 64-hex-digit SHA-256 of {@code bytes}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The 64-hex-digit SHA-256 of everything {@code in} still has to give; the caller closes the stream. */
    public static String hex(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
        return finish(digest);
    }

    /** Completes a digest fed in several parts (see {@link #newDigest()}) as 64 lowercase hex digits. */
    public static String finish(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 {@link MessageDigest}, for digests fed in several parts. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
