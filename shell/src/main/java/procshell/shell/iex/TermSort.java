package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import procshell.runtime.table.TermCompare;

/**
 * The stable merge sort of Erlang's {@code lists:sort/1,2}, {@code keysort/2} and their
 * {@code u}-variants: an element stays before a later one when {@code le(earlier, later)} holds,
 * so a user's ordering fun is called as Erlang calls it ({@code fun(A, B)} is true when A comes
 * first) and equal elements keep their order.
 */
final class TermSort {
    private TermSort() {}

    /** Term order, as {@code lists:sort/1}. */
    static final BiPredicate<Object, Object> TERM_ORDER = (a, b) -> TermCompare.compare(a, b) <= 0;

    /** A sorted copy of {@code in}. */
    static List<Object> sort(List<?> in, BiPredicate<Object, Object> le) {
        List<Object> a = new ArrayList<>(in);
        if (a.size() < 2) return a;
        Object[] src = a.toArray();
        Object[] tmp = new Object[src.length];
        for (int width = 1; width < src.length; width *= 2) {
            for (int lo = 0; lo < src.length; lo += 2 * width) {
                int mid = Math.min(lo + width, src.length), hi = Math.min(lo + 2 * width, src.length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = le.test(src[i], src[j]) ? src[i++] : src[j++];
                while (i < mid) tmp[k++] = src[i++];
                while (j < hi) tmp[k++] = src[j++];
            }
            Object[] s = src;
            src = tmp;
            tmp = s;
        }
        return new ArrayList<>(java.util.Arrays.asList(src));
    }

    /** A sorted copy without the later of two elements that each come first ({@code le} both ways). */
    static List<Object> usort(List<?> in, BiPredicate<Object, Object> le) {
        List<Object> sorted = sort(in, le);
        List<Object> out = new ArrayList<>(sorted.size());
        for (Object o : sorted) {
            if (!out.isEmpty()) {
                Object last = out.get(out.size() - 1);
                if (le.test(last, o) && le.test(o, last)) continue;
            }
            out.add(o);
        }
        return out;
    }
}
