#!/usr/bin/env bash
# Fork-overhead benchmark of @DeterministicTraining: a small and a medium XGBoost training, timed
#   (i) once in-process, (ii) under @DeterministicTraining(runs = 2), (iii) under runs = 3,
# interleaved in one JVM (medians over the repetitions), plus the per-run fork overhead from the verdict files.
#
# Usage: bench/fork-overhead.sh [repetitions=5] [sizes=small,medium]
# Not part of the build: compilation happens first, outside the timed part; Maven does not start per measurement.
set -euo pipefail

reps="${1:-5}"
sizes="${2:-small,medium}"
# shellcheck source=bench/test-classpath.sh
source "$(dirname "$0")/test-classpath.sh"

cd "$ext"   # results land in extension/target/repro4j, as in the tests
# The in-process baseline trains in this JVM, which strict mode refuses without the strict environment: start it
# through bin/run-deterministic (one OpenMP thread, like the strict children; the children get their own clean one).
# The benchmark fixtures are no regression gates: repro4j.baseline=off keeps them from writing baselines.
exec "$root/bin/run-deterministic" java -Xmx2g --enable-native-access=ALL-UNNAMED -Drepro4j.baseline=off \
    -Drepro4j.configDir="$ext/target/test-classes/config" \
    -cp "$classpath" io.repro4j.junit.bench.ForkOverheadBenchmark "$reps" "$sizes"
