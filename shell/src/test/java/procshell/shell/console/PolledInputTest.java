package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.utils.NonBlockingInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's terminal input on a real pty: keys taken in bulk by the reading thread. */
class PolledInputTest {
    private JniNativePty pty;
    private OutputStream typed;
    private PolledInput input;

    @BeforeEach
    void openPty() throws Exception {
        pty = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24));
        Attributes raw = pty.getAttr();
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO), false);
        pty.setAttr(raw);
        typed = pty.getMasterOutput();
        input = new PolledInput(pty.getSlave(), new FileInputStream(pty.getSlaveFD()));
    }

    @AfterEach
    void closePty() throws Exception {
        pty.close();
    }

    private void type(String keys) throws Exception {
        typed.write(keys.getBytes(StandardCharsets.UTF_8));
        typed.flush();
    }

    @Test
    void aBurstIsTakenInWithItsFirstKey() throws Exception {
        type("Enum.sum([1, 2])\n");
        assertEquals('E', input.read(5_000L));
        // the rest came in the same read: no wait, no other thread
        assertEquals("num.sum([1, 2])\n".length(), input.available());
        StringBuilder rest = new StringBuilder();
        while (input.available() > 0) rest.append((char) input.read(1L));
        assertEquals("num.sum([1, 2])\n", rest.toString());
    }

    @Test
    void aPeekKeepsTheKeyAndATimeoutReadsNothing() throws Exception {
        assertEquals(NonBlockingInputStream.READ_EXPIRED, input.read(30L, false));
        assertEquals(0, input.available());
        type("x");
        assertEquals('x', input.read(5_000L, true));
        assertEquals('x', input.read(5_000L, false));
        assertEquals(NonBlockingInputStream.READ_EXPIRED, input.read(1L, false));
    }

    /**
     * Work left for the wait at the prompt (the history file's write) is not done while keys are
     * there or for a peek (a key sequence's next key), but by the reading thread once it reads a
     * key that has not come (JLine waits for the person 100 ms at a time), once.
     */
    @Test
    void workBeforeWaitingRunsOnTheReadingThreadOnceNoKeyIsThere() throws Exception {
        java.util.List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        input.beforeWaiting(() -> ranOn.add(Thread.currentThread()));
        type("a");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (input.available() == 0 && System.nanoTime() < until) Thread.onSpinWait();
        assertEquals('a', input.read(0L));
        assertEquals(NonBlockingInputStream.READ_EXPIRED, input.read(20L, true));
        assertEquals(java.util.List.of(), ranOn, "not with a key there, nor for a peek");
        CompletableFuture<Integer> next = CompletableFuture.supplyAsync(() -> {
            try {
                int c;
                while ((c = input.read(100L)) == NonBlockingInputStream.READ_EXPIRED) {
                    // as JLine's BindingReader waits for a key
                }
                return c;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ranOn.isEmpty() && System.nanoTime() < until) Thread.onSpinWait();
        type("b");
        assertEquals('b', next.get(5, TimeUnit.SECONDS));
        assertEquals(1, ranOn.size(), "run once, as the wait began");
        assertTrue(ranOn.get(0) != Thread.currentThread(), "by the thread that waited for the key");
        type("c");
        assertEquals('c', input.read(5_000L));
        assertEquals(1, ranOn.size(), "not again");
    }

    @Test
    void keysWaitingInTheTerminalAreAvailableBeforeAnyRead() throws Exception {
        type("ab");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (input.available() == 0 && System.nanoTime() < until) Thread.onSpinWait();
        assertEquals(1, input.available()); // (the terminal is not asked how many)
        assertEquals('a', input.read(1L));
        assertEquals(1, input.available());
    }

    @Test
    void anInterruptEndsAWaitForEver() throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                input.read(0L);
                ended.complete(null);
            } catch (Throwable t) {
                ended.complete(t);
            }
        });
        Thread.sleep(100);
        reader.interrupt();
        assertInstanceOf(InterruptedIOException.class, ended.get(5, TimeUnit.SECONDS));
        type("k");
        assertEquals('k', input.read(5_000L)); // (the stream reads on after an interruption)
        assertTrue(reader.join(java.time.Duration.ofSeconds(5)));
    }
}
