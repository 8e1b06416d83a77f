#!/usr/bin/env bash
# Native-path benchmark: XGBoost.train called directly (with the strict policy's parameters) against
# DeterministicXGBoost.train (policy, ledger entry, training, model fingerprint), interleaved in one JVM, medians over
# the repetitions, plus the fingerprint alone (booster.toByteArray("ubj") and its SHA-256) as a share of the training.
#
# Usage: bench/native-overhead.sh [repetitions=7] [size=medium]     (medium: 20k x 30, 100 rounds; small: 500 x 8, 30)
# Not part of the build. The JVM runs in the strict environment (bin/run-deterministic): strict mode trains only there.
set -euo pipefail

reps="${1:-7}"
size="${2:-medium}"
# shellcheck source=bench/test-classpath.sh
source "$(dirname "$0")/test-classpath.sh"
cd "$ext"
exec "$root/bin/run-deterministic" java -Xmx2g --enable-native-access=ALL-UNNAMED \
    -Drepro4j.configDir="$ext/target/test-classes/config" \
    -cp "$classpath" io.repro4j.junit.bench.NativeOverheadBenchmark "$reps" "$size"
