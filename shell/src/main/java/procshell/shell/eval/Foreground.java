package procshell.shell.eval;

/**
 * What the person at the prompt is doing, for the work the shell does in the background (the
 * warm-up of the first prompt, Groovy's load): from the Enter of a complete input until its
 * value is printed the person waits, and background work gives way, so that on a machine of two
 * cores the input's threads do not share them with a warm-up and the JIT compiling it. It gives
 * way for {@value #KEY_QUIET_MS} ms after each key as well: keys that come together (a paste, a
 * line sent at once) are an Enter on its way, and a key's own handling (JLine's widgets, the
 * line's colouring) is part of what the person waits for. Keys typed count as activity, so that
 * Groovy's load, which cannot give way once started, waits for a pause in the typing rather than
 * starting in the middle of a line.
 */
public final class Foreground {
    private static final Object LOCK = new Object();
    /** True from an input's Enter until its value is printed; guarded by {@link #LOCK}. */
    private static boolean waiting;
    /** How long background work gives way after a key. */
    static final long KEY_QUIET_MS = 50;
    private static volatile long lastKey = System.nanoTime() - KEY_QUIET_MS * 1_000_000L;

    private Foreground() {}

    /** A complete input was entered: the person waits for it from now. */
    public static void inputEntered() {
        synchronized (LOCK) {
            waiting = true;
        }
    }

    /** The input entered last is answered (its value or error printed, or it was dropped). */
    public static void inputAnswered() {
        synchronized (LOCK) {
            if (!waiting) return;
            waiting = false;
            LOCK.notifyAll();
        }
    }

    /** A key was typed at the prompt. */
    public static void keyTyped() {
        lastKey = System.nanoTime();
    }

    /** True while a person waits for an input's answer. */
    public static boolean waiting() {
        synchronized (LOCK) {
            return waiting;
        }
    }

    /** When the last key was typed ({@link System#nanoTime}); the class's load when none was. */
    static long lastKeyNanos() {
        return lastKey;
    }

    /**
     * Returns when no person waits for an input and no key came in the last {@value #KEY_QUIET_MS}
     * ms: background work calls it between its steps.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public static void giveWay() throws InterruptedException {
        synchronized (LOCK) {
            while (true) {
                if (waiting) {
                    LOCK.wait();
                    continue;
                }
                long quietFor = lastKey + KEY_QUIET_MS * 1_000_000L - System.nanoTime();
                if (quietFor <= 0) return;
                LOCK.wait(quietFor / 1_000_000L + 1);
            }
        }
    }
}
