package io.repro4j.junit.gates;

import org.junit.jupiter.api.Test;

/** A test that forks nothing: lets the report listener tests drive a whole Launcher session cheaply. */
public class PlainTestCase {

    @Test
    void passes() {
    }
}
