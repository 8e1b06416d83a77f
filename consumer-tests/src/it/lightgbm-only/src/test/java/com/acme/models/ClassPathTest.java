package com.acme.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What this project's class path holds: LightGBM, and no XGBoost4J although it depends on repro4j-harness. */
class ClassPathTest {

    @Test
    void noXGBoostIsOnTheTestClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertFalse(classPath.contains("xgboost"), classPath);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ml.dmlc.xgboost4j.java.XGBoost"));
    }
}
