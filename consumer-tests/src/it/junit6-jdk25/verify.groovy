// JUnit 6 on JDK 25: the reproducible test passes, the clock-seeded one fails, and no child logs class-data-sharing
// errors or native-access warnings.
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.acme.models.Jdk25ModelTest.xml'))
def cases = xml.testcase.collectEntries { [(it.@name.text()): it] }
def passed = cases.find { k, v -> k.startsWith('reproducibleOnJdk25') }.value
def failed = cases.find { k, v -> k.startsWith('clockSeededOnJdk25') }.value
assert passed.failure.size() == 0 : 'reproducibleOnJdk25 must pass'
assert failed.failure.@message.text().startsWith('Training is not reproducible: comparison_group.hyperparameters_signature')
assert xml.properties.property.find { it.@name == 'java.specification.version' }.@value.text() == '25'

def logs = []
new File(basedir, 'target/repro4j/work').eachFileRecurse { if (it.name.endsWith('.log')) logs << it }
assert logs.size() == 8 : logs
logs.each { log ->
    def text = log.text
    ['[cds]', '[aot]', 'WARNING: A restricted method', 'WARNING: Use --enable-native-access'].each {
        assert !text.contains(it) : "${log} contains ${it}:\n${text.take(2000)}"
    }
}
return true
