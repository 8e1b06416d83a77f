package io.repro4j.junit.internal.baseline;

import io.repro4j.junit.DeterministicTraining;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.UniqueId;

/**
 * Finds baselines whose test no longer exists: its class or method is gone, or it is no longer
 * {@code @DeterministicTraining}. Judged from the code on the class path rather than from the tests that ran, so a
 * partial run ({@code -Dtest=…}, one of several Surefire forks) does not call every other baseline an orphan.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class OrphanBaselines {

    private OrphanBaselines() {
    }

    /** The orphans in {@code directory} (none when it does not exist), sorted by file name. */
    public static List<OrphanBaseline> find(Path directory, ClassLoader loader) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of(new OrphanBaseline(directory, null, "cannot list the directory: " + e));
        }
        List<OrphanBaseline> orphans = new ArrayList<>();
        for (Path file : files) {
            String testId;
            try {
                testId = BaselineFile.read(file).testId();
            } catch (CorruptBaselineException e) {
                orphans.add(new OrphanBaseline(file, null, "unreadable: " + e.problem()));
                continue;
            }
            String reason = whyMissing(testId, loader);
            if (reason != null) {
                orphans.add(new OrphanBaseline(file, testId, reason));
            }
        }
        return orphans;
    }

    /** Why the test with this unique id does not exist, or {@code null} when it does. */
    static String whyMissing(String testId, ClassLoader loader) {
        UniqueId id;
        try {
            id = UniqueId.parse(testId);
        } catch (RuntimeException e) {
            return "not a JUnit unique id";
        }
        String className = null;
        String methodName = null;
        for (UniqueId.Segment segment : id.getSegments()) {
            switch (segment.getType()) {
                case "class" -> className = segment.getValue();
                case "nested-class" -> className = className + "$" + segment.getValue();
                case "method", "test-template", "test-factory" -> methodName = segment.getValue();
                default -> { }
            }
        }
        if (className == null || methodName == null) {
            return "no test class and method in the id";
        }
        Class<?> testClass;
        try {
            testClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return "class " + className + " not found";
        }
        String name = methodName.contains("(") ? methodName.substring(0, methodName.indexOf('(')) : methodName;
        List<Method> candidates = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    candidates.add(m);
                }
            }
        }
        if (candidates.isEmpty()) {
            return "method " + name + " not found in " + className;
        }
        boolean annotated = candidates.stream()
                .anyMatch(m -> AnnotationSupport.isAnnotated(m, DeterministicTraining.class));
        for (Class<?> c = testClass; !annotated && c != null; c = c.getEnclosingClass()) {
            annotated = AnnotationSupport.isAnnotated(c, DeterministicTraining.class);
        }
        return annotated ? null : className + "#" + name + " is no longer @DeterministicTraining";
    }
}
