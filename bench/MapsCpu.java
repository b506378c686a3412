// CPU and allocation per operation of the map and set terms alone, without the compiled code
// around them (bench/README.md, "Maps and sets as values"): each idiom of bench/beam/maps.exs
// calls the facade functions a compiled module calls (Map.delete/2 is ElixirMap.delete, %{a: i}
// is Ops.map, s.a is ModuleRuntime.dot with its atom, ...), so an A/B of two jars shows what the terms cost on a busy
// machine, where wall time is noise.
//
//   java -cp shell/target/procshell.jar bench/MapsCpu.java [rounds] [idiom...]
//
// Prints, per idiom, the median of `rounds` (default 7) runs after two untimed ones: the thread's
// CPU ms per run, and bytes allocated per operation.
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.shell.elixir.compiler.ModuleRuntime;
import procshell.shell.iex.ElixirMap;
import procshell.shell.iex.ElixirMapSet;
import procshell.shell.iex.MapTerm;
import procshell.shell.iex.Ops;

public class MapsCpu {
    static final int N = 100_000;
    static final Atom A = Atom.of("a"), B = Atom.of("b"), C = Atom.of("c"), STRUCT = Atom.of("__struct__");

    static MapTerm big() {
        Object m = ElixirMap.new_();
        for (int i = 1; i <= N; i++) m = ElixirMap.put(m, i, i);
        return (MapTerm) m;
    }

    static Object set(int n) {
        Object s = ElixirMapSet.new_();
        for (int i = 1; i <= n; i++) s = ElixirMapSet.put(s, i);
        return s;
    }

    public static void main(String[] args) {
        MapTerm big = big();
        Object set = set(N);
        Object struct = Ops.map(STRUCT, Atom.of("Elixir.MapsBench"), A, 0, B, 1, C, 2);
        List<TermsRuns.Idiom> idioms = List.of(
                new TermsRuns.Idiom("maps_put", N, r -> big()),
                new TermsRuns.Idiom("maps_update_syntax", N, r -> {
                    Object m = big;
                    for (int i = 1; i <= N; i++) m = Ops.mapUpdate(m, i, i + 1);
                    return m;
                }),
                new TermsRuns.Idiom("maps_delete", N, r -> {
                    Object m = big;
                    for (int i = 1; i <= N; i++) m = ElixirMap.delete(m, i);
                    return m;
                }),
                new TermsRuns.Idiom("maps_merge_one", N, r -> {
                    Object m = ElixirMap.new_();
                    for (int i = 1; i <= N; i++) m = ElixirMap.merge(m, Ops.map(i, i));
                    return m;
                }),
                new TermsRuns.Idiom("mapset_put", N, r -> set(N)),
                new TermsRuns.Idiom("mapset_union_small", N / 10, r -> {
                    Object acc = set;
                    for (int i = 1; i <= N / 10; i++) acc = ElixirMapSet.union(acc, ElixirMapSet.new_(List.of(i, -i)));
                    return acc;
                }),
                new TermsRuns.Idiom("maps_agent_state_put", N / 10, r -> {
                    Object m = big;
                    for (int i = 1; i <= N / 10; i++) m = ElixirMap.put(big, i, -i);
                    return m;
                }),
                new TermsRuns.Idiom("maps_small_literal", 3 * N, r -> {
                    long acc = 0;
                    for (int i = 1; i <= 3 * N; i++) {
                        Object m = Ops.map(A, i, B, 2);
                        acc += (Integer) ModuleRuntime.dot(m, A, "a") + (Integer) Ops.access(m, B);
                    }
                    return acc;
                }),
                new TermsRuns.Idiom("maps_struct_update", 3 * N, r -> {
                    Object s = struct;
                    for (int i = 1; i <= 3 * N; i++) {
                        s = Ops.mapUpdate(s, A, (Integer) ModuleRuntime.dot(s, A, "a") % 1000 + i % 7 + (Integer) ModuleRuntime.dot(s, B, "b"));
                    }
                    return s;
                }),
                new TermsRuns.Idiom("maps_small_iterate", N, r -> {
                    Object m = Ops.map(A, r, B, 2, C, 3, STRUCT, 4);
                    Object last = null;
                    for (int i = 1; i <= N; i++) last = ElixirMap.keys(m);
                    return last;
                }));
        TermsRuns.report(idioms, args);
    }
}
