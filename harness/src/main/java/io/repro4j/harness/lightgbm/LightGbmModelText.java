package io.repro4j.harness.lightgbm;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.fingerprint.Sha256;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The digest of a LightGBM model text ({@code LGBM_BoosterSaveModelToString}): the text before {@code end of trees}.
 * What follows it embeds run parameters such as {@code num_threads}, which change nothing in the trees. Pure: links to
 * no LightGBM class.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LightGbmModelText {
    private static final String END_OF_TREES = "end of trees";

    private LightGbmModelText() {
    }

    /**
     * The lowercase hex SHA-256 of the UTF-8 text before {@code end of trees}.
     *
     * @throws Repro4jException when the text has no {@code end of trees} line (not a LightGBM model text)
     */
    public static String sha256(String modelText) {
        int end = modelText.indexOf(END_OF_TREES);
        if (end < 0) {
            throw new Repro4jException("this is not a LightGBM model text: it has no '" + END_OF_TREES + "' line (pass"
                    + " what LGBM_BoosterSaveModelToStringSWIG returns, or hash other model bytes with recordModel)");
        }
        return Sha256.hex(modelText.substring(0, end).getBytes(StandardCharsets.UTF_8));
    }
}
