package io.repro4j.harness.estimator;

import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One {@code createEstimator} call as the ledger recorded it.
 *
 * @param index position in the ledger, from 0
 * @param library the library
 * @param kind the problem kind
 * @param mode the mode whose policy was applied
 * @param seed the normalised seed the estimator trains with
 * @param requestedParams the caller's parameters, exactly as given
 * @param effectiveParams the parameters the library was given
 * @param rewrites every change the policy made, in order
 * @param callSite the first stack frame outside repro4j (class.method:line), for messages
 * @param estimator the estimator handed to the caller
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record LedgerEntry(int index, Library library, ProblemKind kind, Mode mode, long seed,
        Map<String, Object> requestedParams, Map<String, Object> effectiveParams, List<Rewrite> rewrites,
        String callSite, Estimator estimator) {
}
