// A failure in a module of a multi-module build: both replay hints it prints must work from the build's root, and
// the two Surefire forks' verdicts form one build in the report.
def models = new File(basedir, 'models')
def report = { String cls -> new groovy.xml.XmlSlurper().parse(new File(models, "target/surefire-reports/TEST-com.acme.models.${cls}.xml")) }
def message = report('ShuffledRowsModelTest').testcase.failure.@message.text()
assert message.startsWith('Training is not reproducible: comparison_group.data_sha256') : message
assert report('SpreadModelTest').@failures.toInteger() == 0

def run = { String command ->
    def p = new ProcessBuilder('bash', '-c', command).redirectErrorStream(true).start()
    def out = p.inputStream.text
    p.waitFor()
    [p.exitValue(), out]
}

// 1. One build: both forks' verdicts carry the same build id.
def slurper = new groovy.json.JsonSlurper()
def verdicts = new File(models, 'target/repro4j/verdicts').listFiles().findAll { it.name.endsWith('.json') }
        .collect { slurper.parse(it) }
assert verdicts.size() == 2
assert verdicts*.build_id.unique().size() == 1 : verdicts*.build_id
assert verdicts*.build_id[0].startsWith('maven-')
// 2. The Maven hint, from the root, offline against the repository this build already filled (-llr: its artifacts
//    came through the invoker's repository definitions, which this command line does not repeat).
def line = message.readLines().find { it.startsWith('replay: ') }
assert line != null : message
def maven = (line =~ /^replay: (cd \S+ && mvn .*?) \(or one run exactly/)[0][1]
assert maven.contains("cd ${basedir.canonicalPath} && mvn test -pl models -am") : maven
def (mavenExit, mavenOut) = run(maven + " -o -llr -B -Dmaven.repo.local=${localRepositoryPath}")
assert !mavenOut.contains('No tests matching pattern') : mavenOut
assert mavenOut.contains('Tests run: 1, Failures: 1') && mavenOut.contains('ShuffledRowsModelTest') : mavenOut
assert !mavenOut.contains('SpreadModelTest') : 'the hint ran another test too:\n' + mavenOut
assert mavenExit != 0

// 3. The one-run replay, from a fresh shell elsewhere.
def script = (line =~ /sh (\S+command\.txt)\)$/)[0][1]
def (replayExit, replayOut) = run("cd / && env -i PATH=\"\$PATH\" sh ${script}")
assert replayExit == 1 : replayOut
assert replayOut.contains('fingerprints differ from the original run') : replayOut

return true
