package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.fingerprint.Sha256;
import org.apiguardian.api.API;

/**
 * A readable, unique, path-safe name for one test invocation: {@code <ClassSimpleName>.<method>-<8 hex of the
 * unique id's SHA-256>}, e.g. {@code ReturnModelTest.trainingIsReproducible-1f0c3a9e}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class TestKey {
    private static final int MAX_READABLE = 100;

    private TestKey() {
    }

    /** The key for a test invocation. */
    public static String of(Class<?> testClass, String methodName, String uniqueId) {
        String readable = sanitize(testClass.getSimpleName().isEmpty() ? testClass.getName() : testClass.getSimpleName())
                + "." + sanitize(methodName);
        if (readable.length() > MAX_READABLE) {
            readable = readable.substring(0, MAX_READABLE);
        }
        return readable + "-" + Sha256.hex(uniqueId).substring(0, 8);
    }

    private static String sanitize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '=' || c == '-';
            out.append(safe ? c : '_');
        }
        return out.toString();
    }
}
