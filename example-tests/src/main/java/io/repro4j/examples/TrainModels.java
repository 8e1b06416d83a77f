package io.repro4j.examples;

import io.repro4j.harness.Library;
import io.repro4j.harness.RunRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line training job: trains the experiment's pooled models (every library with parameters under
 * {@code training}, every target) and writes each run's snapshot tree, the way a scheduled production job would.
 *
 * <pre>
 * bin/repro4j run -- example-tests/bin/train-models determinism_test
 * bin/repro4j verify --runs 2 -- example-tests/bin/train-models
 * </pre>
 *
 * <p>The results root is {@code REPRO4J_RESULTS_DIR}, else {@code -Drepro4j.resultsDir}, else
 * {@code target/repro4j}. In strict mode the JVM must have been started in the strict environment
 * ({@code bin/run-deterministic}, {@code repro4j run} or {@code repro4j verify}). Prints one snapshot directory per
 * model; exits 1 with the reason on stderr when a model cannot be trained.
 */
public final class TrainModels {

    private TrainModels() {
    }

    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: train-models [EXPERIMENT]   (default: determinism_test)");
            System.exit(2);
        }
        String experiment = args.length == 1 ? args[0] : "determinism_test";
        try {
            for (Path cohort : trainAll(experiment)) {
                System.out.println(cohort);
            }
        } catch (RuntimeException e) {
            System.err.println("train-models: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Trains and records every pooled model of {@code experiment}; returns the snapshot directories written. */
    public static List<Path> trainAll(String experiment) {
        ExperimentSettings settings = ExperimentSettings.load(experiment);
        Trainer trainer = new Trainer(settings);
        List<Path> written = new ArrayList<>();
        for (Library library : settings.libraryParams().keySet()) {
            for (String target : settings.targets().keySet()) {
                TrainingTask task = TrainingTask.crossSectional(library, target);
                written.add(trainAndRecord(experiment, trainer, task));
            }
        }
        return written;
    }

    private static Path trainAndRecord(String experiment, Trainer trainer, TrainingTask task) {
        long seed = trainer.seedFor(task);
        ModelFrame frame = trainer.prepare(task);
        RunRecorder recorder = RunRecorder.builder()
                .experimentId(experiment)
                .target(task.target())
                .view(task.view())
                .runName(task.library().modelFamily() + "-" + task.target())
                .trainSeed(seed)
                .build();
        TrainingResult result = trainer.train(task, frame, seed);
        recorder.recordDataset(trainer.settings().dataDir(), frame.symbols(), null, frame.train());
        recorder.recordMetrics(result.metrics());
        recorder.recordPredictions(result.predictions(), frame.testRowIds());
        return recorder.write();
    }
}
