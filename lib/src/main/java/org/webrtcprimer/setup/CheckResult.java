package org.webrtcprimer.setup;

/**
 * One row of the setup check.
 *
 * @param item  what was checked, e.g. {@code native engine}
 * @param ok    whether it is usable
 * @param found what the check found (a version, a list, a time)
 * @param fix   what to do when it is not usable; empty when ok
 */
public record CheckResult(String item, boolean ok, String found, String fix) {

    static CheckResult ok(String item, String found) {
        return new CheckResult(item, true, found, "");
    }

    static CheckResult fail(String item, String found, String fix) {
        return new CheckResult(item, false, found, fix);
    }
}
