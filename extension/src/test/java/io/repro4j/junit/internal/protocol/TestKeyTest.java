package io.repro4j.junit.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestKeyTest {

    @Test
    void testKeysAreReadablePathSafeAndUniquePerInvocation() {
        String a = TestKey.of(TestKeyTest.class, "trains", "[engine:junit-jupiter]/[method:trains()]#1");
        String b = TestKey.of(TestKeyTest.class, "trains", "[engine:junit-jupiter]/[method:trains()]#2");
        assertThat(a).startsWith("TestKeyTest.trains-").matches("[A-Za-z0-9._=-]{1,128}");
        assertThat(a).isNotEqualTo(b);
        assertThat(TestKey.of(TestKeyTest.class, "wéird name", "x")).matches("TestKeyTest.w_ird_name-[0-9a-f]{8}");
    }
}
