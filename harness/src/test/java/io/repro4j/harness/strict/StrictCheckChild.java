package io.repro4j.harness.strict;

import io.repro4j.harness.ReproducibilityConfig;
import ml.dmlc.xgboost4j.java.DMatrix;

/** Child JVM entry for {@link StrictEnvironmentIT}: optionally loads XGBoost's native library, then runs the check. */
public final class StrictCheckChild {

    /** Exit code when the check refused to run. */
    static final int REFUSED = 3;

    private StrictCheckChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load-xgboost-first")) {
            // Creating a matrix makes XGBoost extract and System.load its shared object.
            DMatrix matrix = new DMatrix(new float[] {1f, 2f, 3f, 4f}, 2, 2, Float.NaN);
            matrix.dispose();
        }
        try {
            StrictEnvironment.check(ReproducibilityConfig.defaults(), System.getenv(),
                    io.repro4j.harness.config.ConfigLoader.currentSystemProperties(),
                    StrictEnvironment.loadedNativeMlLibraries());
        } catch (StrictEnvironmentException e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
        System.out.println("strict environment ok");
    }
}
