package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/ARCHITECTURE.md} true to the source tree, and the process boundary visible in the imports: code
 * that runs in a child JVM never imports the parent's launching code.
 */
class ArchitectureTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOC = REPOSITORY.resolve("docs/ARCHITECTURE.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(io\\.repro4j[a-z0-9.]*)` \\|[^|]*\\|(.*)\\|\\s*$");
    private static final Pattern CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*)`");

    /** Every main source package of the modules, with the class files directly in it. */
    private static Map<String, List<String>> sourceTree() throws IOException {
        Map<String, List<String>> packages = new TreeMap<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java/io/repro4j"))).toList()) {
                if (module.getFileName().toString().startsWith("example")) {
                    continue; // examples of user code, not the library
                }
                Path root = module.resolve("src/main/java");
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String name = file.getFileName().toString().replace(".java", "");
                        String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
                        List<String> classes = packages.computeIfAbsent(pkg, k -> new ArrayList<>());
                        if (!name.equals("package-info")) {
                            classes.add(name);
                        }
                    }
                }
            }
        }
        return packages;
    }

    /** The package table of the documentation: package to the classes its row names. */
    private static Map<String, List<String>> documented() throws IOException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                List<String> classes = new ArrayList<>();
                Matcher c = CLASS.matcher(row.group(2));
                while (c.find()) {
                    classes.add(c.group(1));
                }
                rows.put(row.group(1), classes);
            }
        }
        return rows;
    }

    @Test
    void thePackageTableListsEveryPackageAndEveryClassOfTheTree() throws IOException {
        Map<String, List<String>> tree = sourceTree();
        Map<String, List<String>> doc = documented();

        assertThat(doc.keySet()).as("packages in %s", DOC).containsExactlyInAnyOrderElementsOf(tree.keySet());
        tree.forEach((pkg, classes) -> assertThat(doc.get(pkg)).as("classes named in the row of %s", pkg)
                .containsExactlyInAnyOrderElementsOf(classes));
    }

    @Test
    void everyMainPackageSaysItsRoleInAPackageInfo() throws IOException {
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java/io/repro4j"))).toList()) {
                try (Stream<Path> dirs = Files.walk(module.resolve("src/main/java"))) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        boolean hasClasses;
                        try (Stream<Path> files = Files.list(dir)) {
                            hasClasses = files.anyMatch(f -> f.toString().endsWith(".java"));
                        }
                        if (hasClasses) {
                            assertThat(dir.resolve("package-info.java")).as("package-info of %s", dir).exists();
                        }
                    }
                }
            }
        }
    }

    @Test
    void childCodeImportsOnlyTheProtocolOfTheExtension() throws IOException {
        Path child = REPOSITORY.resolve("extension/src/main/java/io/repro4j/junit/internal/child");
        try (Stream<Path> files = Files.list(child)) {
            for (Path file : files.toList()) {
                List<String> imports = Files.readAllLines(file).stream()
                        .filter(l -> l.startsWith("import io.repro4j.junit.internal.")).toList();
                assertThat(imports).as("imports of %s", file.getFileName())
                        .allMatch(l -> l.startsWith("import io.repro4j.junit.internal.protocol."));
            }
        }
    }

    @Test
    void theInternalRootHoldsAtMostEightFiles() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve(
                "extension/src/main/java/io/repro4j/junit/internal"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isLessThanOrEqualTo(8);
        }
    }
}
