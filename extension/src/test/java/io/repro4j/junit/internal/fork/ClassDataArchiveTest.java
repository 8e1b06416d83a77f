package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.results.ResultsLayout;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the children's class path may be rearranged for class-data sharing, and when it must stay as it is. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    private Path classesDirWith(String resource) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.write(classes.resolve("com/acme/Model.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Path file = classes.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "directory copy");
        return classes;
    }

    private Path jarWith(String entry) throws IOException {
        Path jar = dir.resolve("lib.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out)) {
            jos.putNextEntry(new JarEntry(entry));
            jos.write("jar copy".getBytes());
            jos.closeEntry();
        }
        return jar;
    }

    private String plannedClasspath(Path classes, Path jar) {
        return plannedClasspath(classes + File.pathSeparator + jar, dir.resolve("root"));
    }

    private static String plannedClasspath(String classpath, Path root) {
        return ClassDataArchive.plan(true, ResultsLayout.of(root), "java", classpath, List.of()).classpath();
    }

    @Test
    void keepsTheClassPathWhenADirectoryResourceWouldLoseToAJarsCopy() throws IOException {
        Path classes = classesDirWith("config/settings.properties");
        Path jar = jarWith("config/settings.properties");

        assertThat(plannedClasspath(classes, jar)).isEqualTo(classes + File.pathSeparator + jar);
    }

    @Test
    void packsClassesWhenOnlyServiceFilesAreShared() throws IOException {
        Path classes = classesDirWith("META-INF/services/org.junit.platform.launcher.TestExecutionListener");
        Path jar = jarWith("META-INF/services/org.junit.platform.launcher.TestExecutionListener");

        String[] entries = plannedClasspath(classes, jar).split(File.pathSeparator);

        assertThat(entries[0]).endsWith(".jar").contains("cds");
        assertThat(entries).containsSubsequence(jar.toString(), classes.toString());
    }

    @Test
    void aDirectoryAfterAJarHasItsClassesPackedInItsOwnPlace() throws IOException {
        Path jar = jarWith("other/resource.txt");
        Path classes = classesDirWith("config/only-here.properties");
        Path emptyOfClasses = Files.createDirectories(dir.resolve("resources-only"));
        Files.writeString(emptyOfClasses.resolve("data.txt"), "x");

        String[] entries = plannedClasspath(jar + File.pathSeparator + classes + File.pathSeparator + emptyOfClasses,
                dir.resolve("root")).split(File.pathSeparator);

        // Maven's reactor puts a module's target/classes after jars (e.g. mvn test without package).
        assertThat(entries).hasSize(4);
        assertThat(entries[0]).isEqualTo(jar.toString());
        assertThat(entries[1]).endsWith(".jar").startsWith(dir.resolve("root").resolve("cds").toString());
        assertThat(entries).endsWith(classes.toString(), emptyOfClasses.toString());
    }

    @Test
    void aSecondResultsRootGetsItsOwnPackedJarsAfterTheFirstWasDeleted() throws IOException {
        Path classes = classesDirWith("config/only-here.properties");
        Path jar = jarWith("other/resource.txt");
        String classpath = classes + File.pathSeparator + jar;
        Path first = dir.resolve("first-root");
        String firstPlan = plannedClasspath(classpath, first);
        assertThat(firstPlan.split(File.pathSeparator)[0]).startsWith(first.toString());
        deleteTree(first);

        Path second = dir.resolve("second-root");
        String[] entries = plannedClasspath(classpath, second).split(File.pathSeparator);

        assertThat(entries[0]).startsWith(second.toString());
        assertThat(Path.of(entries[0])).isRegularFile();
    }

    @Test
    void repacksWhenThePackedJarsOfTheSameRootWereDeleted() throws IOException {
        Path classes = classesDirWith("config/only-here.properties");
        Path jar = jarWith("other/resource.txt");
        String classpath = classes + File.pathSeparator + jar;
        Path root = dir.resolve("root");
        plannedClasspath(classpath, root);
        deleteTree(root);

        String[] entries = plannedClasspath(classpath, root).split(File.pathSeparator);

        assertThat(Path.of(entries[0])).isRegularFile();
    }

    @Test
    void eachJdkGetsTheKindOfArchiveItMaps() {
        assertThat(ClassDataArchive.kindFor(Runtime.Version.parse("17.0.17"))).isEqualTo(ClassDataArchive.Kind.DYNAMIC);
        assertThat(ClassDataArchive.kindFor(Runtime.Version.parse("21.0.5"))).isNull();
        assertThat(ClassDataArchive.kindFor(Runtime.Version.parse("25.0.1"))).isEqualTo(ClassDataArchive.Kind.AOT);
        assertThat(ClassDataArchive.kindFor(Runtime.Version.parse("26"))).isEqualTo(ClassDataArchive.Kind.AOT);
    }

    @Test
    void theWarmUpClassPathHasNoDirectoryAndTheirOtherFilesInOneJarAtTheEnd() throws IOException {
        Path jar = jarWith("other/resource.txt");
        Path first = classesDirWith("config/settings.properties");
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.createDirectories(second.resolve("config"));
        Files.writeString(second.resolve("config/settings.properties"), "second copy");
        Files.writeString(second.resolve("data.csv"), "a,b");
        Path cds = dir.resolve("cds");

        String[] entries = ClassDataArchive.warmUpClasspath(jar + File.pathSeparator + first + File.pathSeparator
                + second, cds).split(File.pathSeparator);

        assertThat(entries).hasSize(2);
        assertThat(entries[0]).isEqualTo(jar.toString());
        assertThat(entries[1]).startsWith(cds.resolve("resources-").toString()).endsWith(".jar");
        try (java.util.jar.JarFile resources = new java.util.jar.JarFile(entries[1])) {
            assertThat(resources.stream().map(JarEntry::getName)).containsExactly("config/settings.properties",
                    "data.csv");
            // the first directory on the class path wins, as it does for the children
            assertThat(new String(resources.getInputStream(resources.getEntry("config/settings.properties"))
                    .readAllBytes())).isEqualTo("directory copy");
        }
        assertThat(ClassDataArchive.warmUpClasspath(jar + File.pathSeparator + first + File.pathSeparator + second,
                cds)).as("named by content, made once").isEqualTo(String.join(File.pathSeparator, entries));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
