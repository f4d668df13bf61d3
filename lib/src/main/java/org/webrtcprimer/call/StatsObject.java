package org.webrtcprimer.call;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One object of a {@code getStats()} report: an RTP stream, a codec, a candidate pair … — the W3C
 * {@code RTCStats} dictionary, with plain values that need no engine to read.
 *
 * <p>Values are {@link Long} for integers (the engine's 64-bit counters arrive as
 * {@code BigInteger} and are narrowed; one that does not fit stays a {@code BigInteger}),
 * {@link Double}, {@link Boolean}, {@link String}, {@code List} for arrays and {@code Map} for
 * records such as {@code qualityLimitationDurations}.
 *
 * @param id        the stats id, e.g. {@code OT01V95067227}; other objects refer to it ({@code codecId}, {@code transportId} …)
 * @param type      the W3C type, e.g. {@code outbound-rtp}, {@code candidate-pair}
 * @param timestamp when the engine measured it, ms since 1970 (a browser's {@code DOMHighResTimeStamp})
 * @param values    every other member, by name, in alphabetical order
 */
public record StatsObject(String id, String type, double timestamp, Map<String, Object> values) {

    public StatsObject {
        if (id == null || type == null) throw new IllegalArgumentException("a stats object needs an id and a type");
        Map<String, Object> v = new TreeMap<>();
        if (values != null) values.forEach((k, x) -> {
            Object n = normalize(x);
            if (k != null && n != null) v.put(k, n);
        });
        values = Collections.unmodifiableMap(v);
    }

    /** Whether the object has this member. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A member's value, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    /** A member as a string ("" when absent). */
    public String string(String name) {
        Object v = values.get(name);
        return v == null ? "" : String.valueOf(v);
    }

    /** A numeric member as a double, if present and numeric. */
    public Optional<Double> number(String name) {
        return values.get(name) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A numeric member as a double, or NaN. */
    public double doubleValue(String name) {
        return number(name).orElse(Double.NaN);
    }

    /** {@code audio} or {@code video} for RTP objects (the W3C {@code kind}), else "". */
    public String kind() {
        return string("kind");
    }

    /** Turns the engine's values into the plain ones above. */
    static Object normalize(Object x) {
        if (x == null) return null;
        if (x instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : b;
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) return ((Number) x).longValue();
        if (x instanceof Float f) return f.doubleValue();
        if (x instanceof Double || x instanceof Boolean || x instanceof String) return x;
        if (x instanceof Number n) return n.doubleValue();
        if (x instanceof Object[] a) {
            List<Object> l = new java.util.ArrayList<>();
            for (Object e : a) l.add(normalize(e));
            return Collections.unmodifiableList(l);
        }
        if (x instanceof List<?> list) {
            List<Object> l = new java.util.ArrayList<>();
            for (Object e : list) l.add(normalize(e));
            return Collections.unmodifiableList(l);
        }
        if (x instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return Collections.unmodifiableMap(out);
        }
        return String.valueOf(x);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(values);
        return type + " " + id + " " + shown;
    }
}
