package io.repro4j.harness.results;

import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Validates user-supplied path components (targets, symbols, run names) so that nothing is ever written outside
 * the results root.
 *
 * <p>A safe name is 1–128 characters from {@code [A-Za-z0-9._=-]} and is neither {@code .} nor {@code ..}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SafeNames {

    /** The rule, as shown in error messages. */
    public static final String RULE = "1-128 characters from [A-Za-z0-9._=-], not '.' or '..'";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._=-]{1,128}");
    private static final int DISPLAY_LIMIT = 60;

    private SafeNames() {
    }

    /**
     * Returns {@code value} when it is a safe path component.
     *
     * @param kind what the value names, for the message (e.g. {@code "target"})
     * @throws Repro4jException naming the kind, the (escaped, truncated) value and the rule
     */
    public static String require(String kind, String value) {
        if (value == null) {
            throw new Repro4jException("Invalid " + kind + ": no value given; a " + kind + " must be " + RULE + ".");
        }
        if (!SAFE.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new Repro4jException("Invalid " + kind + " " + display(value) + ": a " + kind + " must be " + RULE
                    + " (it becomes a directory name under the results root).");
        }
        return value;
    }

    /** True when {@code value} passes {@link #require(String, String)}. */
    public static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    /**
     * Resolves {@code components} under {@code root} after validating each one, and checks that the result stays
     * under the root, also when an existing directory on the way is a symbolic link pointing elsewhere.
     *
     * <p>Components may carry a fixed prefix such as {@code symbol=}; the whole component is validated.
     *
     * @throws Repro4jException when a component is unsafe or the resolved path would leave the root
     */
    public static Path resolveUnder(Path root, String... components) {
        Path base = root.toAbsolutePath().normalize();
        Path current = base;
        for (String component : components) {
            require("path component", component);
            current = current.resolve(component);
        }
        Path normalized = current.normalize();
        if (!normalized.startsWith(base)) {
            throw new Repro4jException("Refusing path " + display(normalized.toString()) + ": it is not under the"
                    + " results root " + base + ".");
        }
        checkNoEscapingLinks(base, normalized);
        return normalized;
    }

    /** Refuses when an existing component resolves (through a symbolic link) to a place outside the root. */
    private static void checkNoEscapingLinks(Path base, Path target) {
        Path realBase;
        try {
            realBase = Files.exists(base) ? base.toRealPath() : base;
        } catch (IOException e) {
            throw new Repro4jException("Cannot resolve the results root " + base + ": " + e.getMessage(), e);
        }
        Path walked = base;
        for (Path part : base.relativize(target)) {
            walked = walked.resolve(part);
            if (!Files.exists(walked, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            if (Files.isSymbolicLink(walked)) {
                Path real;
                try {
                    real = walked.toRealPath();
                } catch (IOException e) {
                    throw new Repro4jException("Refusing path " + walked + ": it is a symbolic link that cannot be"
                            + " resolved (" + e.getMessage() + ").", e);
                }
                if (!real.startsWith(realBase)) {
                    throw new Repro4jException("Refusing path " + walked + ": it is a symbolic link to " + real
                            + ", outside the results root " + realBase + ".");
                }
            }
        }
    }

    /** The value quoted, with control and non-ASCII characters escaped, truncated for display. */
    public static String display(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown >= DISPLAY_LIMIT) {
                out.append("…' (").append(value.length()).append(" characters)");
                return out.toString();
            }
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            shown++;
        }
        return out.append('\'').toString();
    }
}
