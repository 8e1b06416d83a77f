// Both builds (newest and oldest supported xgboost4j): the native multiclass booster is reproducible, its snapshot
// shows what the strict policy did to the parameters, and the unseeded shuffle fails naming model_sha256.
import groovy.json.JsonSlurper

def json = new JsonSlurper()
// One build directory per version (pom.xml: target/xgboost4j-<version>), named by the version it declared.
def builds = new File(basedir, 'target').listFiles().findAll { it.directory && it.name.startsWith('xgboost4j-') }
assert builds.size() == 2 : "expected the newest and the oldest xgboost4j build, found ${builds*.name}"
def models = [:]
builds.each { target ->
    def version = target.name - 'xgboost4j-'
    def reports = new File(target, 'surefire-reports')
    def xml = { String cls -> new groovy.xml.XmlSlurper().parse(new File(reports, "TEST-com.acme.models.${cls}.xml")) }

    def passing = xml('DirectionBoosterTest')
    assert passing.@tests.toInteger() == 1 && passing.@failures.toInteger() == 0 && passing.@errors.toInteger() == 0 :
            "DirectionBoosterTest must pass with xgboost4j ${version}"
    def failing = xml('ShuffledRowsBoosterTest')
    assert failing.@failures.toInteger() == 1 : "ShuffledRowsBoosterTest must fail with xgboost4j ${version}"
    def firstLine = failing.testcase.failure.@message.text().readLines()[0]
    assert firstLine.startsWith('Training is not reproducible: ') && firstLine.contains('model_sha256') : firstLine

    def verdicts = new File(target, 'repro4j/verdicts').listFiles().findAll { it.name.endsWith('.json') }
    def shuffled = json.parse(verdicts.find { it.name.startsWith('ShuffledRowsBoosterTest.') })
    assert shuffled.verdict == 'DIFFERS'
    assert shuffled.differences*.field.contains('model_sha256') : shuffled.differences*.field

    def reproducible = json.parse(verdicts.find { it.name.startsWith('DirectionBoosterTest.') })
    assert reproducible.verdict == 'REPRODUCIBLE'
    def snapshot = json.parse(new File(reproducible.runs[0].snapshot_dir, 'snapshot.json'))
    assert snapshot.model_sha256 ==~ /[0-9a-f]{64}/
    assert snapshot.environment.library_versions.xgboost4j == version
    def entry = snapshot.estimator_ledger[0]
    assert entry.entry_point == 'DeterministicXGBoost.train'
    assert entry.requested_params.nthread == 8 && entry.requested_params.device == 'cuda'
    assert entry.effective_params.nthread == 1 && entry.effective_params.device == 'cpu' : entry.effective_params
    assert entry.effective_params.seed == snapshot.comparison_group.train_seed
    models[version] = snapshot.model_sha256
}
// Every XGBoost4J version trains different model bytes from the same code and data.
assert (models.values() as Set).size() == 2 : models
return true
