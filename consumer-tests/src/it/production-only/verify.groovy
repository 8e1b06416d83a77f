// The runtime class path of production code that depends on repro4j-harness alone (plus its training library):
// no JUnit, no test kit, no command-line parser, no LightGBM it did not ask for.
def listing = new File(basedir, 'target/runtime-dependencies.txt')
assert listing.isFile()
def artifacts = listing.readLines()*.trim().findAll { it ==~ /[\w.-]+:[\w.-]+:.*/ }
assert artifacts.any { it.startsWith('io.repro4j:repro4j-harness:') } : artifacts
assert artifacts.any { it.startsWith('ml.dmlc:xgboost4j_2.12:') } : artifacts
def forbidden = artifacts.findAll { it.startsWith('org.junit') || it.contains(':junit-') || it.startsWith('info.picocli')
        || it.startsWith('org.opentest4j') || it.startsWith('org.assertj') || it.contains('lightgbmlib')
        || it.startsWith('io.repro4j:repro4j-junit5') || it.startsWith('io.repro4j:repro4j-cli') }
assert forbidden.isEmpty() : "on the runtime class path of a harness-only project: ${forbidden}"
