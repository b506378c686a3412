package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which of a step's lines a reader has done: typed as the same Elixir, or run by Enter. */
class StepProgressTest {
    @Test
    void theSameElixirWrittenAnotherWayIsTheSameInput() {
        assertTrue(StepProgress.sameInput("MyApp.HelloServer.hello(pid)", "MyApp.HelloServer.hello pid"));
        assertTrue(StepProgress.sameInput("{:ok, pid} = MyApp.HelloServer.start_link(123)", "{:ok,pid}=MyApp.HelloServer.start_link( 123 )"));
        assertTrue(StepProgress.sameInput("defmodule A do\n  def f, do: 1\nend", "defmodule A do def f, do: 1 end"));
        assertTrue(StepProgress.sameInput("x = 1 # the first", "x = 1"));
    }

    @Test
    void anotherValueOrNameIsAnotherInput() {
        assertFalse(StepProgress.sameInput("MyApp.HelloServer.start_link(123)", "MyApp.HelloServer.start_link(124)"));
        assertFalse(StepProgress.sameInput("{:ok, pid} = f()", "{:ok, pid2} = f()"));
        assertFalse(StepProgress.sameInput("{1, 2, 3}", "[1, 2, 3]"));
    }

    @Test
    void textThatDoesNotParseIsComparedWithWhitespaceCollapsed() {
        assertTrue(StepProgress.sameInput("foo(", "  foo(  "));
        assertFalse(StepProgress.sameInput("foo(", "foo(1"));
    }

    @Test
    void typedLinesAreDoneAndEnterRunsTheRestUpToTheClientLines() {
        StepProgress p = new StepProgress(List.of("a = 1", "b = 2", "nc> hi", "nc> bye", "a + b"));
        assertTrue(p.untouched());
        assertTrue(p.typed("b=2"));
        assertFalse(p.typed("b = 2"), "a line is done once");
        assertFalse(p.typed("c = 3"));
        assertEquals(List.of("a = 1", "nc> hi", "nc> bye"), p.nextBatch());
        assertFalse(p.finished());
        assertEquals(List.of("a + b"), p.nextBatch());
        assertTrue(p.finished());
        assertEquals(List.of(), p.nextBatch());
    }

    @Test
    void aLineTypedAfterClientLinesMeansTheyWereTypedInNc() {
        StepProgress p = new StepProgress(List.of("nc> hi", "a + b"));
        assertTrue(p.typed("a + b"));
        assertTrue(p.finished());
    }
}
