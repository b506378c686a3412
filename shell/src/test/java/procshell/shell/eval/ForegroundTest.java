package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Background work (the prompt's warm-up) gives way to a person: while an entered input waits for
 * its value, and for a short time after each key, so that keys sent together (a paste) and the
 * input they end are not shared with the warm-up's steps.
 */
class ForegroundTest {
    @AfterEach
    void answered() {
        Foreground.inputAnswered();
    }

    @Test
    void backgroundWorkWaitsWhileAnInputIsAnswered() throws Exception {
        Foreground.inputEntered();
        Thread background = new Thread(() -> {
            try {
                Foreground.giveWay();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        background.join(200);
        assertTrue(background.isAlive(), "the warm-up went on while the person waited");
        Foreground.inputAnswered();
        background.join(10_000);
        assertFalse(background.isAlive(), "the warm-up did not resume once the input was answered");
    }

    @Test
    void backgroundWorkWaitsForAPauseAfterAKey() throws Exception {
        Foreground.keyTyped();
        long t0 = System.nanoTime();
        Foreground.giveWay();
        long waited = System.nanoTime() - t0;
        assertTrue(waited >= (Foreground.KEY_QUIET_MS - 1) * 1_000_000L, "gave way for " + waited / 1_000 + " us only");
        long t1 = System.nanoTime();
        Foreground.giveWay(); // (no key since: at once)
        assertTrue(System.nanoTime() - t1 < Foreground.KEY_QUIET_MS * 1_000_000L, "waited again without a key");
    }
}
