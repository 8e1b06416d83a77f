package io.repro4j.examples;

import io.repro4j.harness.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * The rows a model trains and is evaluated on, split by time: every training bar precedes every test bar, with an
 * embargo between them so that no training label overlaps the test period.
 *
 * @param symbols the symbols whose bars are in the frame, sorted
 * @param train training rows in (time, symbol) order
 * @param trainRowIds {@code SYMBOL|timestamp} of each training row
 * @param test test rows in (time, symbol) order
 * @param testRowIds {@code SYMBOL|timestamp} of each test row
 */
public record ModelFrame(List<String> symbols, Dataset train, List<String> trainRowIds, Dataset test,
        List<String> testRowIds) {

    public ModelFrame {
        symbols = List.copyOf(symbols);
        trainRowIds = List.copyOf(trainRowIds);
        testRowIds = List.copyOf(testRowIds);
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.rows() != trainRowIds.size() || test.rows() != testRowIds.size()) {
            throw new IllegalArgumentException("row ids do not match rows: train " + train.rows() + "/"
                    + trainRowIds.size() + ", test " + test.rows() + "/" + testRowIds.size());
        }
        if (!train.featureNames().equals(test.featureNames())) {
            throw new IllegalArgumentException("train and test columns differ: " + train.featureNames() + " vs "
                    + test.featureNames());
        }
    }
}
