// What a newcomer sees: the reproducible model test passes, the clock-seeded one fails naming what moved.
def reports = new File(basedir, 'target/surefire-reports')
def xml = { String cls -> new groovy.xml.XmlSlurper().parse(new File(reports, "TEST-com.acme.models.${cls}.xml")) }

def passing = xml('ReturnModelTest')
assert passing.@tests.toInteger() == 1 : "ReturnModelTest ran ${passing.@tests} tests"
assert passing.@failures.toInteger() == 0 && passing.@errors.toInteger() == 0 : 'ReturnModelTest must pass'

def failing = xml('ClockSeedModelTest')
assert failing.@tests.toInteger() == 1
assert failing.@failures.toInteger() == 1 : 'ClockSeedModelTest must fail'
def message = failing.testcase.failure.@message.text()
assert message.startsWith('Training is not reproducible: comparison_group.hyperparameters_signature') : message

// The fingerprints reach the test's own entry in Surefire's XML, where CI dashboards read them.
def out = passing.testcase.'system-out'.text()
['verdict=REPRODUCIBLE', 'seed=', 'predictions_sha256=', 'model_sha256=', 'metrics_sha256=', 'snapshot='].each {
    assert out.contains("[repro4j] repro4j.${it}") : "system-out of ReturnModelTest lacks ${it}:\n${out}"
}
assert failing.testcase.'system-out'.text().contains('[repro4j] repro4j.verdict=DIFFERS')

def verdicts = new File(basedir, 'target/repro4j/verdicts').listFiles().findAll { it.name.endsWith('.json') }
assert verdicts.size() == 2 : "verdict files: ${verdicts*.name}"
return true
