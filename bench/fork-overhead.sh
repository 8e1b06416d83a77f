#!/usr/bin/env bash
# Fork-overhead benchmark of @DeterministicTraining, in one run (medians over the repetitions, variants interleaved):
#   1. a small and a medium XGBoost training (i) once in-process, (ii) under @DeterministicTraining(runs = 2),
#      (iii) under runs = 3, with the per-run fork overhead, child phases and snapshot writing from the runs' files;
#   2. the example suite (example-tests' *ModelTest) once in-process, under runs = 2 with a child JVM per run and
#      test, and under runs = 2 with repro4j.isolation=class.
# Prints the tables, then, as its last line, one JSON object:
#   {"small":{...},"medium":{...},"suite":{"in_process_ms":…,"per_test_runs2_ms":…,"class_runs2_ms":…},"jdk":"…"}
#
# Usage: bench/fork-overhead.sh [repetitions=5] [sizes=small,medium] [suite repetitions=repetitions]
# JAVA_HOME (or the java on PATH) picks the JDK; the children run on the same one. Compilation happens first,
# outside the timed part; Maven does not start per measurement. Not part of the build.
set -euo pipefail

reps="${1:-5}"
sizes="${2:-small,medium}"
suite_reps="${3:-$reps}"
# shellcheck source=bench/test-classpath.sh
source "$(dirname "$0")/test-classpath.sh"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

parts="$(mktemp -d)"
trap 'rm -rf "$parts" "$cp_file" "$example_cp_file"' EXIT
example_cp_file="$(mktemp)"
mvn -o -q -B -pl example-tests -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$example_cp_file" -Dmdep.includeScope=test
examples="$root/example-tests"
example_classpath="$examples/target/test-classes:$examples/target/classes:$(cat "$example_cp_file")"

# The in-process baselines train in the benchmark JVM itself: it runs in the strict environment, as the children do.
# The benchmark fixtures are no regression gates: repro4j.baseline=off keeps them from writing baselines.
(cd "$ext" && "$root/bin/run-deterministic" "$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED \
    -Drepro4j.baseline=off -Drepro4j.configDir="$ext/target/test-classes/config" -Drepro4j.bench.json="$parts/sizes.json" \
    -cp "$classpath" io.repro4j.junit.bench.ForkOverheadBenchmark "$reps" "$sizes")
(cd "$examples" && "$root/bin/run-deterministic" "$java_bin" -Xmx2g --enable-native-access=ALL-UNNAMED \
    -Drepro4j.configDir="$root/config" \
    -cp "$example_classpath" io.repro4j.examples.bench.SuiteBenchmark "$suite_reps" "$parts/suite.json")

jdk="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
echo
jq -c --arg jdk "$jdk" --slurpfile suite "$parts/suite.json" '. + {suite: $suite[0], jdk: $jdk}' "$parts/sizes.json"
