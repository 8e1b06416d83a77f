#!/usr/bin/env bash
# Spark benchmark: what a Spark determinism check costs per run (child JVM start -> session ready -> trained ->
# snapshot, medians over 2 x N child JVMs run one at a time) against the same training in one JVM (session once, then
# the first and the median of N later trainings), on local[2] with two XGBoost4J-Spark workers.
#
# Usage: bench/spark-overhead.sh [N=5]
# Not part of the build. Writes only under spark/target/. The in-process JVM runs in the strict environment
# (bin/run-deterministic), with the flag Spark needs on Java 17.
set -euo pipefail

reps="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
spark="$root/spark"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
cd "$root"
# Outside the timed part: the Spark module's tests compiled, and their class path (Spark provided, so included).
mvn -o -q -B -pl spark -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" \
    -Dmdep.includeScope=test
classpath="$spark/target/test-classes:$spark/target/classes:$(cat "$cp_file")"
results="$spark/target/bench-spark"
rm -rf "$results"
cd "$spark"
java -Xmx1g --enable-native-access=ALL-UNNAMED -cp "$classpath" \
    io.repro4j.spark.bench.SparkOverheadBenchmark children "$reps" "$results" | grep -v '^\[repro4j\]'
"$root/bin/run-deterministic" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -Djava.io.tmpdir="$results" \
    -Drepro4j.configDir="$spark/target/test-classes/config" \
    -cp "$classpath" io.repro4j.spark.bench.SparkOverheadBenchmark in-process "$reps" 2>"$results/in-process.log"
