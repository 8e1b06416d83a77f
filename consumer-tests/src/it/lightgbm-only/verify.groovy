// A LightGBM-only consumer: no XGBoost4J on its class path (nor its children's), raw lightgbmlib training through
// Determinism.nativeTraining is reproducible, and a native training that never records its model fails saying so.
import groovy.json.JsonSlurper

def reports = new File(basedir, 'target/surefire-reports')
def xml = { String cls -> new groovy.xml.XmlSlurper().parse(new File(reports, "TEST-com.acme.models.${cls}.xml")) }

def classPath = xml('ClassPathTest')
assert classPath.@tests.toInteger() == 1 && classPath.@failures.toInteger() == 0 && classPath.@errors.toInteger() == 0

def lightgbm = xml('LightGbmReturnModelTest')
assert lightgbm.@tests.toInteger() == 2 : "LightGbmReturnModelTest ran ${lightgbm.@tests} tests"
assert lightgbm.@failures.toInteger() == 0 && lightgbm.@errors.toInteger() == 0 : 'LightGbmReturnModelTest must pass'

def unrecorded = xml('UnrecordedModelTest')
assert unrecorded.@failures.toInteger() + unrecorded.@errors.toInteger() == 1 : 'UnrecordedModelTest must fail'
def message = (unrecorded.testcase.failure.@message.text() + unrecorded.testcase.error.@message.text())
assert message.contains('Determinism.nativeTraining(LIGHTGBM, …) at com.acme.models.LightGbmReturnModel.') : message
assert message.contains('never recorded') && message.contains('recordLightGbmModel') : message

def json = new JsonSlurper()
def verdicts = new File(basedir, 'target/repro4j/verdicts').listFiles().findAll { it.name.endsWith('.json') }
def reproducible = json.parse(verdicts.find { it.name.startsWith('LightGbmReturnModelTest.rawLightGbm') })
assert reproducible.verdict == 'REPRODUCIBLE'
def snapshot = json.parse(new File(reproducible.runs[0].snapshot_dir, 'snapshot.json'))
assert snapshot.model_sha256 ==~ /[0-9a-f]{64}/
assert snapshot.estimator_ledger[0].entry_point == 'Determinism.nativeTraining'
assert snapshot.estimator_ledger[0].effective_params.num_threads == 1
assert snapshot.environment.library_versions.lightgbmlib == '3.3.510'
assert snapshot.environment.library_versions.xgboost4j == null

// The child JVMs ran on the project's class path: no XGBoost4J there either.
def commands = []
new File(basedir, 'target/repro4j/work').eachFileRecurse { if (it.name == 'command.txt') commands << it }
assert !commands.isEmpty()
commands.each { command ->
    def jars = command.text.split(/[\s:'"=]+/).findAll { it.endsWith('.jar') }
    assert jars.any { it.contains('lightgbmlib') } : "${command} has no lightgbmlib jar: ${jars}"
    assert !jars.any { it.contains('xgboost') } : "${command} has xgboost on its class path: ${jars}"
}
return true
