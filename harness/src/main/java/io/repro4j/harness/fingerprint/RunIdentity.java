package io.repro4j.harness.fingerprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The reference's {@code run_identity_keys}: the keys that say whether two runs are the same experiment.
 *
 * @param strictKey everything including the seed: equal only for runs that must be bitwise identical
 * @param replicateKey everything but the seed, plus the registry overlay: equal for replicates across seeds
 * @param debugKey a readable summary, {@code data=<8 hex>|split=…|seed=N}
 * @param runId {@code ridv1_} and 20 hex digits derived from both keys
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record RunIdentity(String strictKey, String replicateKey, String debugKey, String runId) {

    /** Computes the keys; any signature may be null (it is then left out), as may the seed. */
    public static RunIdentity keys(String datasetSignature, String splitSignature, String targetSignature,
            String featureSignature, String hparamsSignature, String routingSignature, Long trainSeed,
            String registryOverlaySignature) {
        Map<String, Object> strict = new LinkedHashMap<>();
        strict.put("schema", 1);
        strict.put("dataset", datasetSignature);
        strict.put("split", splitSignature);
        strict.put("target", targetSignature);
        strict.put("features", featureSignature);
        strict.put("hparams", hparamsSignature);
        strict.put("routing", routingSignature);
        Map<String, Object> replicate = new LinkedHashMap<>(strict);
        strict.put("seed", trainSeed);
        replicate.put("registry_overlay", registryOverlaySignature);
        String strictKey = CanonicalJson.sha256Full(strict);
        String replicateKey = CanonicalJson.sha256Full(replicate);

        List<String> labels = new ArrayList<>();
        addLabel(labels, "data", datasetSignature);
        addLabel(labels, "split", splitSignature);
        addLabel(labels, "target", targetSignature);
        addLabel(labels, "features", featureSignature);
        addLabel(labels, "hparams", hparamsSignature);
        addLabel(labels, "routing", routingSignature);
        if (trainSeed != null) {
            labels.add("seed=" + trainSeed);
        }
        String runId = "ridv1_" + Sha256.hex(strictKey + ":" + replicateKey).substring(0, 20);
        return new RunIdentity(strictKey, replicateKey, String.join("|", labels), runId);
    }

    private static void addLabel(List<String> labels, String label, String signature) {
        if (signature != null && !signature.isEmpty()) {
            labels.add(label + "=" + signature.substring(0, Math.min(8, signature.length())));
        }
    }
}
