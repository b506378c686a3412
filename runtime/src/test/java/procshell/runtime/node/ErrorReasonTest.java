package procshell.runtime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.process.ErlangError;

/**
 * A process that dies of an error ends with {@code {reason, stacktrace}}: a 2-tuple made of the
 * throwable as the mapping the shell sets says, equal to any tuple of the same terms, that keeps the
 * throwable for whoever formats it.
 */
class ErrorReasonTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    /** As the shell's mapping would: an ArithmeticException is :badarith, the frames one term each. */
    private static final class Counting implements ErrorReason.ErrorTerms {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Object error(Throwable t) {
            calls.incrementAndGet();
            return t instanceof ArithmeticException ? Atom.of("badarith") : t;
        }

        @Override
        public List<Object> stacktrace(Throwable t, List<StackTraceElement> stack) {
            calls.incrementAndGet();
            return List.of(Tuple.of(Atom.of("m"), Atom.of("f"), 0, List.of()));
        }
    }

    @Test
    void theMappingGivesItsTermsAndTheThrowableStays() {
        Counting mapping = new Counting();
        ArithmeticException e = new ArithmeticException("/ by zero");
        ErrorReason r = ErrorReason.of(e, mapping);
        assertEquals(0, mapping.calls.get(), "worked out when first read");
        Tuple expected = Tuple.of(Atom.of("badarith"), List.of(Tuple.of(Atom.of("m"), Atom.of("f"), 0, List.of())));
        assertEquals(expected, r);
        assertEquals(r, expected);
        assertEquals(expected.hashCode(), r.hashCode());
        assertTrue(r.isTagged(Atom.of("badarith"), 2));
        assertEquals(2, mapping.calls.get(), "once each");
        r.get(0);
        r.get(1);
        assertEquals(2, mapping.calls.get());
        assertSame(e, r.exception());
        assertSame(e, ErrorReason.exceptionOf(r));
        assertEquals(List.of(e.getStackTrace()), r.javaStack());
        assertNull(ErrorReason.exceptionOf(expected), "a tuple made otherwise has none");
    }

    @Test
    void aProcessThatDiesOfAnErrorEndsWithAnErrorReason() throws Exception {
        // without the shell's mapping: the throwable itself and its Java frames
        IllegalStateException boom = new IllegalStateException("boom");
        Tuple spawned = rt.self().spawnMonitor(self -> {
            throw boom;
        });
        Object down = rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5), 5000);
        Object reason = ((Tuple) down).get(4);
        assertTrue(reason instanceof ErrorReason, String.valueOf(reason));
        assertSame(boom, ((Tuple) reason).get(0));
        assertSame(boom, ErrorReason.exceptionOf(reason));
        assertEquals(List.of(boom.getStackTrace()), ((Tuple) reason).get(1));
        assertEquals(spawned.get(0), ((Tuple) down).get(3));
    }

    @Test
    void anErlangErrorIsItsReason() {
        ErrorReason r = ErrorReason.of(new ErlangError(Atom.of("noproc")));
        assertEquals(Atom.of("noproc"), r.get(0));
        assertTrue(r.exception() instanceof ErlangError);
    }
}
