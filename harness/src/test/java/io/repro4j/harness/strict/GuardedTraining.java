package io.repro4j.harness.strict;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.testkit.SyntheticData;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child main of {@link StrictGuardIT}: production code that trains through the choke point and writes a snapshot
 * under {@code args[0]}, exactly as a job started by hand would. Exit 0 trained, 3 refused (message on stderr).
 */
public final class GuardedTraining {
    static final int REFUSED = 3;

    private GuardedTraining() {
    }

    public static void main(String[] args) {
        RunRecorder run = RunRecorder.builder().resultsRoot(Path.of(args[0])).runName("job").target("t").build();
        try (Estimator model = Determinism.createEstimator(Library.XGBOOST, Map.of("n_estimators", 5), 42,
                ProblemKind.REGRESSION)) {
            model.fit(SyntheticData.of(ProblemKind.REGRESSION));
            run.recordPredictions(model.predict(SyntheticData.of(ProblemKind.REGRESSION)));
        } catch (StrictEnvironmentException e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
        System.out.println(run.write());
    }
}
