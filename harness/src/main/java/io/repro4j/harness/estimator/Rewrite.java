package io.repro4j.harness.estimator;

import org.apiguardian.api.API;

/**
 * One parameter the policy changed: what the caller asked for, what the library got, and why.
 *
 * @param key the library's native parameter name
 * @param requested the caller's value, or {@code null} when the caller did not set it
 * @param effective the value the library was given, or {@code null} when the parameter was removed
 * @param reason why, in words a user understands (e.g. "strict mode trains on CPU")
 * @param warning true for rewrites a user should see (GPU requests, thread counts the caller set explicitly)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Rewrite(String key, Object requested, Object effective, String reason, boolean warning) {
}
