package procshell.runtime.term;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

/** {@link ConsList}: a {@code java.util.List} whose {@code [h | t]} shares {@code t}. */
class ConsListTest {
    /** The list {@code [h | t]} as a plain copy, the model every cons list must equal. */
    private static List<Object> model(Object h, List<?> t) {
        List<Object> out = new ArrayList<>();
        out.add(h);
        out.addAll(t);
        return out;
    }

    private static void assertSameList(List<?> expected, List<Object> actual) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected, actual);
        assertEquals(actual, expected);
        assertEquals(expected.hashCode(), actual.hashCode());
        assertArrayEquals(expected.toArray(), actual.toArray());
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "element " + i);
        Iterator<?> it = actual.iterator();
        for (Object e : expected) assertEquals(e, it.next());
        assertTrue(!it.hasNext());
        assertEquals(expected.isEmpty(), actual.isEmpty());
    }

    @Test
    void consAndDropAnswerWhatACopyWould() {
        List<Object> l = ConsList.cons(1, ConsList.cons(2, List.of(3, 4)));
        assertSameList(List.of(1, 2, 3, 4), l);
        assertSameList(List.of(2, 3, 4), ConsList.drop(l, 1));
        assertSameList(List.of(4), ConsList.drop(l, 3));
        assertSameList(List.of(), ConsList.drop(l, 4));
        assertSameList(List.of(0, 4), ConsList.cons(0, ConsList.drop(l, 3)));
        assertSame(l, ConsList.drop(l, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ConsList.drop(l, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(4));
    }

    @Test
    void nilElementsAndForeignTailsAreKept() {
        List<Object> tail = new LinkedList<>(Arrays.asList(null, "b"));
        List<Object> l = ConsList.cons(null, tail);
        assertSameList(Arrays.asList(null, null, "b"), l);
        assertNull(l.get(1));
        assertSameList(List.of("b"), ConsList.drop(l, 2));
        assertSameList(Arrays.asList(null, "b"), ConsList.drop(tail, 0));
    }

    @Test
    void itIsImmutable() {
        List<Object> l = ConsList.cons(1, List.of(2));
        assertThrows(UnsupportedOperationException.class, () -> l.add(3));
        assertThrows(UnsupportedOperationException.class, () -> l.set(0, 3));
        assertThrows(UnsupportedOperationException.class, () -> l.remove(0));
        assertThrows(UnsupportedOperationException.class, l::clear);
    }

    @Test
    void consingTwiceOntoOneListForksWithoutChangingEither() {
        List<Object> t = ConsList.cons(3, List.of(4));
        List<Object> a = ConsList.cons(1, t);
        List<Object> b = ConsList.cons(2, t);
        assertSameList(List.of(1, 3, 4), a);
        assertSameList(List.of(2, 3, 4), b);
        assertSameList(List.of(3, 4), t);
        assertSameList(List.of(9, 1, 3, 4), ConsList.cons(9, a));
        assertSameList(List.of(8, 2, 3, 4), ConsList.cons(8, b));
    }

    @Test
    void prependAllSharesTheTail() {
        List<Object> t = ConsList.cons(3, List.of(4));
        assertSameList(List.of(1, 2, 3, 4), ConsList.prependAll(List.of(1, 2), t));
        assertSameList(List.of(0, 3, 4), ConsList.prependAll(List.of(0), t)); // t was extended: a fork
        assertSameList(List.of(1, 2, 5), ConsList.prependAll(new LinkedList<>(List.of(1, 2)), List.of(5)));
        assertSameList(List.of(1), ConsList.prependAll(List.of(1), List.of()));
        assertSame(t, ConsList.prependAll(List.of(), t));
        assertSameList(List.of(3, 4), t);
    }

    /** Random cons/drop/fork steps over many live lists, each checked against its copy. */
    @Test
    void randomConsDropAndForkMatchTheirCopies() {
        Random r = new Random(42);
        List<List<Object>> lists = new ArrayList<>();
        List<List<Object>> models = new ArrayList<>();
        lists.add(List.of());
        models.add(List.of());
        for (int step = 0; step < 20_000; step++) {
            int k = r.nextInt(4) == 0 ? r.nextInt(lists.size()) : lists.size() - 1;
            List<Object> l = lists.get(k);
            List<Object> m = models.get(k);
            int op = r.nextInt(10);
            if (op == 8) {
                List<Object> heads = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) heads.add(r.nextInt(3) == 0 ? null : -step - i);
                lists.add(ConsList.prependAll(heads, l));
                List<Object> both = new ArrayList<>(heads);
                both.addAll(m);
                models.add(both);
            } else if (op < 6 || m.isEmpty()) {
                Object h = r.nextInt(5) == 0 ? null : step;
                lists.add(ConsList.cons(h, l));
                models.add(model(h, m));
            } else {
                int n = 1 + r.nextInt(Math.min(m.size(), op == 9 ? 200 : 3));
                lists.add(ConsList.drop(l, n));
                models.add(new ArrayList<>(m.subList(n, m.size())));
            }
            if (step % 97 == 0) {
                int j = r.nextInt(lists.size());
                assertSameList(models.get(j), lists.get(j));
            }
        }
        for (int j = 0; j < lists.size(); j += 13) assertSameList(models.get(j), lists.get(j));
    }

    /** A pop/push loop on a long list forks at every push; the list stays right and shallow. */
    @Test
    void popAndPushOnALongListStaysRight() {
        List<Object> l = List.of();
        for (int i = 0; i < 1_000; i++) l = ConsList.cons(i, l);
        List<Object> m = new ArrayList<>(l);
        for (int i = 0; i < 50_000; i++) {
            l = ConsList.cons(-i, ConsList.cons(i, ConsList.drop(l, 1)));
            m.remove(0);
            m.add(0, i);
            m.add(0, -i);
        }
        assertSameList(m, l);
    }

    /** Threads consing onto one shared list at once: each sees its own elements on the shared tail. */
    @Test
    void threadsConsingOntoOneSharedListEachGetTheirOwn() throws Exception {
        List<Object> base = List.of();
        for (int i = 0; i < 1_000; i++) base = ConsList.cons(i, base);
        List<Object> shared = base;
        List<Object> expectedBase = new ArrayList<>(base);
        int threads = 8;
        int per = 5_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        @SuppressWarnings("unchecked")
        List<Object>[] results = new List[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    List<Object> l = shared;
                    for (int j = 0; j < per; j++) {
                        l = ConsList.cons(id * 1_000_000 + j, l);
                        // a pop and a push now and then, onto a list another thread may extend
                        if (j % 7 == 0) l = ConsList.cons(id * 1_000_000 + j, ConsList.drop(l, 1));
                    }
                    results[id] = l;
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failure[0] != null) throw new AssertionError(failure[0]);
        for (int t = 0; t < threads; t++) {
            List<Object> expected = new ArrayList<>();
            for (int j = per - 1; j >= 0; j--) expected.add(t * 1_000_000 + j);
            expected.addAll(expectedBase);
            assertSameList(expected, results[t]);
        }
        assertSameList(expectedBase, shared);
    }

    /** Index loops over a long list stay right through the heads array, also past a foreign tail. */
    @Test
    void deepGetReadsTheHeadsAndThenTheForeignTail() {
        List<Object> tail = new ArrayList<>(List.of(-1, -2, -3));
        List<Object> l = tail;
        List<Object> m = new ArrayList<>(tail);
        for (int i = 0; i < 5_000; i++) {
            l = ConsList.cons(i, l);
            m.add(0, i);
        }
        assertSameList(m, l);
        assertEquals(-3, l.get(l.size() - 1));
        assertSameList(m.subList(10, 20), l.subList(10, 20));
        assertSameList(m.subList(4_990, m.size()), l.subList(4_990, l.size()));
    }

    /** Tails of a list that is no cons list are views of it, never copies nor chains of views. */
    @Test
    void tailsOfAnArrayListAreViewsOfIt() {
        List<Object> base = new ArrayList<>();
        for (int i = 0; i < 100; i++) base.add(i);
        List<Object> l = base;
        for (int i = 1; i < 100; i++) {
            l = ConsList.drop(l, 1);
            assertEquals(i, l.get(0));
            assertEquals(100 - i, l.size());
        }
        assertSameList(List.of(99), l);
        assertSameList(List.of(), ConsList.drop(l, 1));
        assertSameList(List.of(98, 99), ConsList.drop(base, 98));
        assertSameList(List.of(7, 98, 99), ConsList.cons(7, ConsList.drop(base, 98)));
        assertSame(l, ConsList.drop(l, 0));
    }

    /** Lists sharing a tail compare by their heads; a shared tail needs no walk. */
    @Test
    void equalityOfListsSharingATail() {
        List<Object> shared = List.of();
        for (int i = 0; i < 10_000; i++) shared = ConsList.cons(i, shared);
        List<Object> a = ConsList.prependAll(List.of(1, 2), shared);
        List<Object> b = ConsList.cons(1, ConsList.cons(2, shared));
        List<Object> c = ConsList.cons(1, ConsList.cons(3, shared));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(!a.equals(c));
        assertTrue(!a.equals(ConsList.cons(1, shared)));
        assertEquals(new ArrayList<>(a), a);
    }
}
