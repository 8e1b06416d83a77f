package io.repro4j.junit.internal.verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The Maven command that runs one test again, from the root of the build: a multi-module build selects the module
 * ({@code -pl}) and builds what it depends on ({@code -am}); an integration test (Failsafe's default names) runs
 * through {@code it.test} with Surefire running nothing; no other test of any module runs.
 */
final class MavenReplay {

    /** Failsafe's default includes: {@code IT*}, {@code *IT}, {@code *ITCase}. */
    private static final Pattern INTEGRATION_TEST = Pattern.compile("IT.*|.*IT|.*ITCase");

    private MavenReplay() {
    }

    /**
     * The command for {@code testClass#method} whose test JVM ran in {@code moduleDir} (Maven's working directory for a
     * module's tests).
     */
    static String command(String testClass, String method, Path moduleDir) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        String test = "'" + simple + "#" + method + "'";
        Path module = moduleDir.toAbsolutePath().normalize();
        Path root = reactorRoot(module);
        String select = root.equals(module) ? "" : " -pl " + root.relativize(module) + " -am";
        if (INTEGRATION_TEST.matcher(simple).matches()) {
            return "cd " + root + " && mvn verify" + select + " -Dit.test=" + test + " -Dtest=none"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false";
        }
        return "cd " + root + " && mvn test" + select + " -Dtest=" + test + " -Dsurefire.failIfNoSpecifiedTests=false";
    }

    /** The topmost directory above {@code module} (itself included) that has a {@code pom.xml}, each level up too. */
    static Path reactorRoot(Path module) {
        Path root = module;
        for (Path dir = module.getParent(); dir != null && Files.isRegularFile(dir.resolve("pom.xml"));
                dir = dir.getParent()) {
            root = dir;
        }
        return root;
    }
}
