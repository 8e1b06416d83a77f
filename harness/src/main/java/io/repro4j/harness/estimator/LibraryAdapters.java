package io.repro4j.harness.estimator;

import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Finds each library's adapter by class name, only when the library itself is on the class path: XGBoost4J and
 * {@code lightgbmlib} are optional dependencies of the harness, so no class outside {@code io.repro4j.harness.xgboost}
 * and {@code io.repro4j.harness.lightgbm} links to them, and a missing library is an error naming the dependency.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LibraryAdapters {
    /** A class every XGBoost4J jar has (also {@code xgboost4j-spark}'s shaded one). */
    static final String XGBOOST_CLASS = "ml.dmlc.xgboost4j.java.XGBoost";
    /** The SWIG binding's entry class. */
    static final String LIGHTGBM_CLASS = "com.microsoft.ml.lightgbm.lightgbmlib";

    private static final String XGBOOST_ADAPTER = "io.repro4j.harness.xgboost.XGBoostEstimator";
    private static final String LIGHTGBM_ADAPTER = "io.repro4j.harness.lightgbm.LightGbmEstimator";

    private LibraryAdapters() {
    }

    /** True when {@code library}'s classes are on the class path; loads none of its native code. */
    public static boolean isPresent(Library library) {
        try {
            Class.forName(libraryClass(library), false, LibraryAdapters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /**
     * Makes {@code library} ready for code that calls it directly: checks that it is on the class path and, for
     * LightGBM, whose binding ships no loader, loads its native libraries.
     *
     * @throws Repro4jException naming the Maven dependency to add when the library is missing
     */
    public static void prepareNative(Library library) {
        requirePresent(library);
        if (library == Library.LIGHTGBM) {
            NativeLibraries.loadLightGbm();
        }
    }

    /**
     * The adapter of {@code library}, built with the policy's parameters.
     *
     * @throws Repro4jException naming the Maven dependency to add when the library is missing
     */
    static Estimator estimator(Library library, Map<String, Object> effectiveParams, int rounds, ProblemKind kind) {
        requirePresent(library);
        String adapter = library == Library.XGBOOST ? XGBOOST_ADAPTER : LIGHTGBM_ADAPTER;
        try {
            return (Estimator) Class.forName(adapter).getConstructor(Map.class, int.class, ProblemKind.class)
                    .newInstance(effectiveParams, rounds, kind);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new Repro4jException("the " + ParamAliases.libraryName(library) + " adapter failed to start: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("repro4j-harness is incomplete: " + adapter + " cannot be built", e);
        }
    }

    private static void requirePresent(Library library) {
        if (!isPresent(library)) {
            throw new Repro4jException("Library." + library + " needs " + ParamAliases.libraryName(library)
                    + " on the class path, but " + libraryClass(library) + " is not there. repro4j-harness declares it"
                    + " optional, so add the dependency you train with to your pom.xml: " + dependency(library) + ".");
        }
    }

    /** The Maven dependency that provides {@code library}, as a user would declare it. */
    static String dependency(Library library) {
        return library == Library.XGBOOST
                ? "ml.dmlc:xgboost4j_2.12 (2.1.4 to 3.4.0 are supported, e.g. <groupId>ml.dmlc</groupId>"
                        + "<artifactId>xgboost4j_2.12</artifactId><version>3.4.0</version>)"
                : "com.microsoft.ml.lightgbm:lightgbmlib:3.3.510 (<groupId>com.microsoft.ml.lightgbm</groupId>"
                        + "<artifactId>lightgbmlib</artifactId><version>3.3.510</version>)";
    }

    private static String libraryClass(Library library) {
        return library == Library.XGBOOST ? XGBOOST_CLASS : LIGHTGBM_CLASS;
    }
}
