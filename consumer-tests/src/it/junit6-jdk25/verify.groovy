// JUnit 6 on JDK 25: the reproducible test passes, the clock-seeded one fails, no child logs class-data-sharing
// errors or native-access warnings, and the second test's children start from the AOT cache the first test's warm-up
// child wrote.
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

def cds = new File(basedir, 'target/repro4j/cds')
def caches = cds.listFiles().findAll { it.name ==~ /children-.*\.aot/ }
assert caches.size() == 1 : cds.list()
assert !cds.listFiles().any { it.name.startsWith('warm-up-') || it.name.endsWith('.tmp') || it.name.endsWith('.config') } : cds.list()
def commands = []
new File(basedir, 'target/repro4j/work').eachFileRecurse { if (it.name == 'command.txt') commands << it }
assert commands.size() == 4 : commands
def cached = commands.findAll { it.text.contains("-XX:AOTCache=${caches[0]}") }
assert cached.size() == 2 : "both runs of the second test use the cache: ${commands}"
assert cached*.parentFile*.parentFile.unique().size() == 1
commands.each { assert !it.text.contains('-XX:SharedArchiveFile') && !it.text.contains('-XX:ArchiveClassesAtExit') : it }
return true
