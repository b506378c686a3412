package procshell.shell.console;

import java.util.ArrayList;
import java.util.List;

import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;

/**
 * Standard input's terminal modes as the operating system holds them ({@code struct termios}), kept
 * for each set of modes set once, so that setting the same modes again is one {@code tcsetattr(3)}.
 *
 * <p>JLine's JNI terminal reads the modes ({@code tcgetattr}), maps every flag and control
 * character of its {@link Attributes} to the platform's bits and writes them back at each change,
 * and an input changes them twice (JLine's raw mode at the prompt, the modes it found restored at
 * the Enter): that was a tenth of the console thread's CPU for an input seconds after the prompt,
 * the mapping's code cold each time ({@code bench/README.md}, eighteenth session). The modes kept
 * are those the operating system reported right after JLine set them, so a kept set writes back
 * exactly what JLine wrote.
 */
final class NativeModes {
    private static final int STDIN = 0;
    /** How many sets are kept: the prompt's raw mode, the modes between inputs, a pager's. */
    private static final int KEPT = 4;

    private record Known(Attributes modes, CLibrary.Termios termios) {}

    private final List<Known> known = new ArrayList<>(KEPT);

    /**
     * Sets {@code modes} on standard input when they were {@link #remember remembered}.
     *
     * @return false when they were not (the caller sets them through JLine, then remembers them)
     */
    synchronized boolean set(Attributes modes) {
        for (Known k : known) {
            if (same(k.modes, modes)) return CLibrary.tcsetattr(STDIN, CLibrary.TCSANOW, k.termios) == 0;
        }
        return false;
    }

    /** Keeps the operating system's modes of standard input, which JLine has just set to {@code modes}. */
    synchronized void remember(Attributes modes) {
        CLibrary.Termios termios = new CLibrary.Termios();
        if (CLibrary.tcgetattr(STDIN, termios) != 0) return;
        if (known.size() == KEPT) known.remove(0);
        known.add(new Known(new Attributes(modes), termios));
    }

    /** Forgets every set kept (after a stop and a continue, the job's shell may have changed what they map to). */
    synchronized void forget() {
        known.clear();
    }

    /** True when {@code a} and {@code b} are the same modes: flags and control characters. */
    static boolean same(Attributes a, Attributes b) {
        return a.getLocalFlags().equals(b.getLocalFlags()) && a.getInputFlags().equals(b.getInputFlags())
                && a.getOutputFlags().equals(b.getOutputFlags()) && a.getControlFlags().equals(b.getControlFlags())
                && a.getControlChars().equals(b.getControlChars());
    }
}
