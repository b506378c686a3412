package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.otp.Supervisor;

/**
 * {@code observer()}'s screen without a terminal: a shell set up by typed inputs, then the view
 * driven key by key from a process attached to its node, each frame read as a person would read
 * it. The trees tab shows the kill of a selected child and the restarted pid; the Table Viewer
 * tab shows a Registry's tables with their counts and opens one; the process list sorts.
 */
@Timeout(60)
class ObserverViewTest extends ObservedShell.Base {
    private static final int WIDTH = 140;
    private static final int HEIGHT = 20;
    /** A GenServer that a DynamicSupervisor starts as {@code {Room, n}}. */
    static final String ROOM = "defmodule Room do use GenServer; def start_link(n), do: GenServer.start_link(Room, n);"
            + " def init(a), do: {:ok, a} end";

    private static List<String> text(List<AttributedString> frame) {
        return frame.stream().map(l -> l.toString().stripTrailing()).toList();
    }

    private Pid whereis(String name) {
        return node.names().whereisPid(Atom.of(name));
    }

    private List<AttributedString> frame(ObserverView view) {
        List<AttributedString> f = view.frame(WIDTH, HEIGHT);
        assertEquals(HEIGHT, f.size(), "a frame fills the screen");
        for (AttributedString l : f) assertTrue(l.columnLength() <= WIDTH, l::toString);
        return f;
    }

    @Test
    void killingTheSelectedChildInTheTreeShowsItsRestartedPid() {
        ObserverView view = viewAfter(ObserverViewsTest.WORKER, ObserverViewsTest.OTHER, ObserverViewsTest.SUP);
        Pid sup = whereis("Elixir.MySup");
        Pid worker = whereis("Elixir.Worker");
        Pid other = whereis("Elixir.Other");
        assertTrue(view.handle(ObserverKey.TREES));
        List<String> before = text(frame(view));
        assertEquals("  1 Processes   2 Supervision Trees   3 Table Viewer   4 Ports", before.get(1));
        assertEquals(List.of("MySup " + sup, "├── Worker " + worker, "└── Other " + other), before.subList(4, 7));

        view.handle(ObserverKey.DOWN);
        view.handle(ObserverKey.KILL);
        assertEquals("Kill " + worker + "? y/n", text(frame(view)).get(2));
        view.handle(ObserverKey.YES);
        Supervisor.whichChildren(sup); // the supervisor has handled the EXIT once it answers
        Pid restarted = whereis("Elixir.Worker");
        List<AttributedString> after = frame(view);
        assertEquals("Killed " + worker + " (exit signal :kill)", after.get(2).toString());
        assertEquals(List.of("MySup " + sup, "├── Worker " + restarted + "  ↻ restarted 1×, was " + worker + " (:killed)", "└── Other " + other),
                text(after).subList(4, 7));
        assertTrue(after.get(5).toAnsi().contains("33"), "the restarted child is yellow: " + after.get(5).toAnsi());
        assertTrue(view.handle(ObserverKey.NO), "n answers nothing asked");
        assertFalse(view.handle(ObserverKey.QUIT));
    }

    @Test
    void theTableViewerShowsARegistrysTablesWithTheirCountsAndOpensOne() {
        ObserverView view = viewAfter(
                "{:ok, _} = Registry.start_link(keys: :unique, name: Secret.Registry)",
                "a = spawn(fn -> Registry.register(Secret.Registry, \"James Bond\", nil); receive do _ -> :ok end end)",
                "b = spawn(fn -> Registry.register(Secret.Registry, \"Mr. White\", nil); receive do _ -> :ok end end)",
                "Process.sleep(100)");
        view.handle(ObserverKey.TABLES);
        List<String> shown = text(frame(view));
        List<String> viewer = List.of(procshell.shell.iex.TableViewer.render(node.tables().infos()).split("\n"));
        assertEquals(viewer, shown.subList(3, 3 + viewer.size()), "the tab is tables()'s view");
        assertTrue(shown.get(5).startsWith("Elixir.Secret.Registry.KeyPartition0        2 "), shown.get(5));
        assertTrue(shown.get(6).startsWith("Elixir.Secret.Registry.PIDPartition0        2 "), shown.get(6));

        view.handle(ObserverKey.DOWN);
        view.handle(ObserverKey.OPEN);
        List<String> rows = text(frame(view));
        assertEquals("Elixir.Secret.Registry.KeyPartition0  (2 objects)", rows.get(3));
        assertTrue(rows.get(4).matches("\\{\"James Bond\", \\{#PID<0\\.\\d+\\.0>, nil\\}\\}"), rows.get(4));
        assertTrue(rows.get(5).matches("\\{\"Mr\\. White\", \\{#PID<0\\.\\d+\\.0>, nil\\}\\}"), rows.get(5));
        view.handle(ObserverKey.BACK);
        assertEquals(viewer.get(0), text(frame(view)).get(3));
    }

    @Test
    void theProcessListSortsByQueueAndMemory() {
        ObserverView view = viewAfter("busy = spawn(fn -> Process.sleep(:infinity) end); Enum.each(1..5, fn i -> send(busy, i) end); busy");
        Pid busy = node.processes().stream().filter(p -> node.process(p).mailbox().size() == 5).findFirst().orElseThrow();
        List<String> list = text(frame(view));
        assertEquals(List.of("Pid", "Name or Initial Call", "Reductions", "Memory", "MsgQ", "Current Function"), ObserverViewsTest.cells(list.get(3)));
        view.handle(ObserverKey.SORT_QUEUE);
        List<String> byQueue = text(frame(view));
        assertEquals(procshell.shell.iex.TableViewer.pid(busy), ObserverViewsTest.cells(byQueue.get(4)).get(0));
        assertEquals("5", ObserverViewsTest.cells(byQueue.get(4)).get(4));
        assertTrue(byQueue.get(HEIGHT - 1).contains("(now msg queue)"), byQueue.get(HEIGHT - 1));
        view.handle(ObserverKey.KILL);
        view.handle(ObserverKey.YES);
        assertFalse(node.isAlive(busy), "k then y kills the selected (first) process");
    }

    @Test
    void aSupervisorWithManyChildrenShowsTheFirstOnesAndCountsTheRest() {
        ObserverView view = viewAfter(
                ROOM,
                "{:ok, rooms} = DynamicSupervisor.start_link(strategy: :one_for_one, name: Rooms)",
                "Enum.each(1.." + (ObserverView.MAX_CHILDREN + 2) + ", fn i -> DynamicSupervisor.start_child(Rooms, {Room, i}) end)");
        view.handle(ObserverKey.TREES);
        frame(view); // a page is as many rows as the last frame showed
        for (int i = 0; i < ObserverView.MAX_CHILDREN / (HEIGHT - 5) + 2; i++) view.handle(ObserverKey.PAGE_DOWN);
        List<String> end = text(frame(view));
        assertTrue(end.contains("└── … 2 more children"), String.join("\n", end));
        assertTrue(end.stream().filter(l -> l.startsWith("├── #PID<")).count() > 0, String.join("\n", end));
    }
}
