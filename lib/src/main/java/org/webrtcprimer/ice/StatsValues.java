package org.webrtcprimer.ice;

import java.math.BigInteger;
import java.util.Map;

/**
 * Typed reads of one stats object's values, whether they come from the engine (Integer, Long,
 * BigInteger for 64-bit counters, Double) or from JSON (every number a Double).
 */
final class StatsValues {
    private StatsValues() {}

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    /** A whole number, or {@code absent} when the key is missing. Values beyond a long are clamped. */
    static long lng(Map<String, Object> m, String key, long absent) {
        Object v = m.get(key);
        if (v == null) return absent;
        if (v instanceof BigInteger b) return b.bitLength() < 64 ? b.longValue() : Long.MAX_VALUE;
        if (v instanceof Number n) return n instanceof Double || n instanceof Float ? Math.round(n.doubleValue()) : n.longValue();
        if (v instanceof String s) {
            try {
                return new BigInteger(s.strip()).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stats value " + key + " = '" + s + "' is not a number");
            }
        }
        throw new IllegalArgumentException("stats value " + key + " = " + v + " is not a number");
    }

    /** A number, or NaN when the key is missing. */
    static double dbl(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return Double.NaN;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stats value " + key + " = '" + v + "' is not a number");
        }
    }

    static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }
}
