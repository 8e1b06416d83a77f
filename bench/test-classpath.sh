# Sourced by the benchmarks: compiles the extension's tests (outside the timed part) and sets $root, $ext and
# $classpath (the extension's test class path). Leaves the working directory at the repository root.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ext="$root/extension"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
cd "$root"
mvn -o -q -B -pl extension -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="$ext/target/test-classes:$ext/target/classes:$(cat "$cp_file")"
