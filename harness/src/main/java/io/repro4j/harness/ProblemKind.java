package io.repro4j.harness;

import org.apiguardian.api.API;

/** What an estimator learns; picks the objective when the caller's parameters name none. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ProblemKind {
    /** Real-valued target; {@code predict} returns values ({@code reg:squarederror} / {@code regression}). */
    REGRESSION,
    /** Binary target in {0, 1}; {@code predict} returns the probability of class 1 ({@code binary:logistic} / {@code binary}). */
    CLASSIFICATION
}
