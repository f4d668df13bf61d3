package org.webrtcprimer.tools;

/**
 * Reading the commands' numeric flags: a value that is missing, not a number or out of range
 * is an {@link IllegalArgumentException} whose message names the flag and what it takes, for a
 * usage message and exit code 2 — never a stack trace.
 */
final class CommandLine {
    private CommandLine() {}

    /** The value after {@code args[i]}, which is the flag. */
    static String value(String[] args, int i) {
        if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
        return args[i + 1];
    }

    /** A whole number from min to max. */
    static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(flag + " needs a whole number from " + min + " to " + max + ", not '" + Terminal.safe(value) + "'");
    }
}
