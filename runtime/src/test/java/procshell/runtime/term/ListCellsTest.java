package procshell.runtime.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.table.TermCompare;

/** {@link ListCells}: proper and improper lists built, taken apart and ordered as the BEAM's cons cells. */
class ListCellsTest {
    private static Object cons(Object tail, Object... heads) {
        return ListCells.cons(heads, tail);
    }

    @Test
    void consOntoAListIsAListAndOntoAnythingElseAnImproperList() {
        assertEquals(List.of(1, 2, 3), cons(List.of(3), 1, 2));
        Object l = cons(2, 1);
        assertInstanceOf(ImproperList.class, l);
        assertEquals(List.of(1), ((ImproperList) l).elements());
        assertEquals(2, ((ImproperList) l).tail());
        Object longer = cons(l, 0);
        assertEquals(List.of(0, 1), ((ImproperList) longer).elements());
        assertEquals(1, ListCells.cells(l));
        assertEquals(2, ListCells.cells(longer));
        assertEquals(-1, ListCells.cells(Atom.of("a")));
    }

    @Test
    void dropWalksTheCellsAndEndsOnTheTail() {
        Object l = cons(3, 1, 2);
        assertEquals(1, ListCells.head(l, 0));
        assertEquals(2, ListCells.head(l, 1));
        assertEquals(cons(3, 2), ListCells.drop(l, 1));
        assertEquals(3, ListCells.drop(l, 2));
        assertSame(((ImproperList) l).tail(), ListCells.drop(ListCells.drop(l, 1), 1));
    }

    @Test
    void appendSharesTheRightAndMayMakeAnImproperList() {
        assertEquals(5, ListCells.append(List.of(), 5));
        assertEquals(cons(5, 0), ListCells.append(List.of(0), 5));
        assertEquals(cons(2, 0, 1), ListCells.append(List.of(0), cons(2, 1)));
        List<Object> right = new ArrayList<>(List.of(7, 8));
        List<?> both = (List<?>) ListCells.append(List.of(6), right);
        assertEquals(List.of(6, 7, 8), both);
    }

    /** The BEAM's order: head by head, then [] before any cell, and a tail as the term it is. */
    @Test
    void improperListsSortAsOnTheBeam() {
        Comparator<Object> order = TermCompare::compare;
        List<Object> sorted = List.of(List.of(), cons(9, 0), cons(2, 1), cons(Atom.of("a"), 1), List.of(1), List.of(1, 2), cons("z", 1));
        List<Object> shuffled = new ArrayList<>(List.of(sorted.get(3), sorted.get(6), sorted.get(0), sorted.get(5), sorted.get(1), sorted.get(4), sorted.get(2)));
        shuffled.sort(order);
        assertEquals(sorted, shuffled);
        assertTrue(TermCompare.compare(cons(2, 1), cons(2.0, 1)) == 0);
        assertTrue(!TermCompare.exactEquals(cons(2, 1), cons(2.0, 1)));
        assertTrue(TermCompare.exactEquals(cons(2, 1), cons(2, 1)));
        assertTrue(TermCompare.compare(cons(3, 1, 2), List.of(1, 2)) < 0);
    }

    @Test
    void mapKeysTellImproperListsByExactEquality() {
        assertTrue(TermKeys.equal(cons(2, 1), cons(2L, 1)));
        assertEquals(TermKeys.hash(cons(2, 1)), TermKeys.hash(cons(2L, 1)));
        assertTrue(!TermKeys.equal(cons(2, 1), cons(2.0, 1)));
        assertTrue(!TermKeys.equal(cons(2, 1), List.of(1, 2)));
    }
}
