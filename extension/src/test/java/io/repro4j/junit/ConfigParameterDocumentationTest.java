package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code docs/configuration.md} lists exactly the settings {@link ConfigParameter} defines, as it defines them. */
class ConfigParameterDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final String START = "<!-- parameters: generated from io.repro4j.junit.ConfigParameter -->";
    private static final String END = "<!-- /parameters -->";

    /** The table the documentation must hold, one row per parameter in declaration order. */
    static String table() {
        StringBuilder out = new StringBuilder();
        out.append("| key | environment | YAML | default | meaning |\n");
        out.append("|---|---|---|---|---|\n");
        for (ConfigParameter p : ConfigParameter.values()) {
            out.append("| `").append(p.key()).append("` | ")
                    .append(p.environmentVariable().map(v -> "`" + v + "`").orElse("")).append(" | ")
                    .append(p.yamlKey().map(v -> "`" + v + "`").orElse("")).append(" | ")
                    .append(p.defaultValue()).append(" | ")
                    .append(p.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    @Test
    void theDocumentedTableIsGeneratedFromTheEnum() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("%s has the marker %s", DOC, START).isNotNegative();
        assertThat(end).as("%s has the marker %s", DOC, END).isGreaterThan(start);
        String documented = doc.substring(start + START.length(), end).strip() + "\n";

        assertThat(documented).as("the table in %s; replace it with the expected text", DOC).isEqualTo(table());
    }

    @Test
    void keysAreUniqueAndNamespaced() {
        Set<String> keys = new HashSet<>();
        for (ConfigParameter p : ConfigParameter.values()) {
            assertThat(p.key()).startsWith("repro4j.");
            assertThat(keys.add(p.key())).as("%s is defined once", p.key()).isTrue();
            assertThat(p.description()).isNotBlank();
            assertThat(p.defaultValue()).isNotBlank();
        }
    }
}
