package io.repro4j.harness.lightgbm;

import io.repro4j.harness.Repro4jException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.apiguardian.api.API;

/**
 * LightGBM's parameter text, as {@code LGBM_DatasetCreateFromMat} and {@code LGBM_BoosterCreate} read it. Pure: links
 * to no LightGBM class, so code that runs without {@code lightgbmlib} may call it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class LightGbmParams {

    private LightGbmParams() {
    }

    /**
     * {@code key=value} pairs separated by spaces, in the map's order, numbers written without locale, lists joined by
     * commas; {@code null} values are left out.
     *
     * @throws Repro4jException when a name or value is empty or contains a space or {@code '='}, or a number is not
     *     finite
     */
    public static String paramString(Map<String, ?> params) {
        StringJoiner out = new StringJoiner(" ");
        params.forEach((k, v) -> {
            if (v != null) {
                if (k.isEmpty() || k.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
                    throw new Repro4jException("LightGBM parameter name '" + k + "' must not be empty or contain"
                            + " spaces or '='");
                }
                out.add(k + "=" + format(k, v));
            }
        });
        return out.toString();
    }

    private static String format(String key, Object v) {
        String text;
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new Repro4jException("LightGBM parameter " + key + "=" + v + " must be a finite number");
            }
            text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } else if (v instanceof BigDecimal b) {
            text = b.toPlainString();
        } else if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(",");
            c.forEach(x -> j.add(format(key, x)));
            text = j.toString();
        } else {
            text = String.valueOf(v);
        }
        if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw new Repro4jException("LightGBM parameter " + key + "='" + text + "' cannot be passed: values must"
                    + " not be empty or contain spaces or '='");
        }
        return text;
    }
}
