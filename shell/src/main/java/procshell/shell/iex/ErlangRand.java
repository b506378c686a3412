package procshell.shell.iex;

import java.math.BigInteger;
import java.util.List;

import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.eval.Arithmetic;

/**
 * Erlang's {@code :rand}: seeded with {@code seed/2} (or from the clock on first use), the numbers
 * are the BEAM's own for {@code :exsss} (the default), {@code :exsp}, {@code :exsplus} and
 * {@code :exrop} ({@link RandAlgorithm}). The state lives in the process dictionary under
 * {@code :rand_seed}, as {@code {%{type: alg, ...}, [s0 | s1]}}; its handler map holds the
 * algorithm's facts, not the BEAM's funs. {@code :exs1024s} and {@code :exro928ss} are not
 * provided, nor {@code normal/0,2}.
 */
@Doc("""
    The :rand module: uniform/0 (a float in [0, 1)), uniform/1 (an integer in 1..n),
    uniform_real/0, seed/1,2, seed_s/1,2, uniform_s/1,2, export_seed/0, jump/0.
    Seeded sequences are the BEAM's for :exsss, :exsp, :exsplus and :exrop.
    """)
@ElixirName(":rand")
public final class ErlangRand {
    private static final Atom SEED_KEY = Atom.of("rand_seed");

    private ErlangRand() {}

    private static FunctionClauseError clause(String function, int arity) {
        return ErlangArgs.clause("rand", function, arity);
    }

    /** The handler map the state carries: {@code %{type: :exsss, bits: 58}} and the like. */
    private static MapTerm handler(RandAlgorithm a) {
        MapTerm m = new MapTerm();
        m.put(Atom.of("type"), Atom.of(a.type));
        if (a.legacy) {
            m.put(Atom.of("max"), Arithmetic.integer(RandAlgorithm.MASK58));
        } else {
            m.put(Atom.of("bits"), 58);
            if (a.weakLowBits > 0) m.put(Atom.of("weak_low_bits"), a.weakLowBits);
        }
        return m;
    }

    private static Tuple state(RandAlgorithm a, long[] s) {
        return Tuple.of(handler(a), new ImproperList(List.of(Arithmetic.integer(s[0])), Arithmetic.integer(s[1])));
    }

    private static RandAlgorithm algorithm(Object state) {
        if (state instanceof Tuple t && t.size() == 2 && t.get(0) instanceof java.util.Map<?, ?> m && m.get(Atom.of("type")) instanceof Atom a) {
            RandAlgorithm alg = RandAlgorithm.of(a.name());
            if (alg != null) return alg;
        }
        return null;
    }

    private static long[] words(Object state) {
        ImproperList l = (ImproperList) ((Tuple) state).get(1);
        return new long[] {((Number) l.elements().get(0)).longValue(), ((Number) l.tail()).longValue()};
    }

    private static RandAlgorithm mkAlg(Object alg) {
        RandAlgorithm a = alg instanceof Atom x ? RandAlgorithm.of("default".equals(x.name()) ? "exsss" : x.name()) : null;
        if (a == null) {
            if (alg instanceof Atom x && (x.name().equals("exs1024s") || x.name().equals("exro928ss") || x.name().equals("exs64")
                    || x.name().equals("exs1024"))) {
                throw new procshell.runtime.process.ErlangError(Tuple.of(Atom.of("not_supported"), alg));
            }
            throw clause("mk_alg", 1);
        }
        return a;
    }

    /** The words a seed gives: an integer, {@code {a, b, c}}, or a list of two integers. */
    private static long[] seedWords(RandAlgorithm a, Object seed) {
        if (ErlangArgs.isInt(seed)) return a.seedInteger(RandAlgorithm.low64(seed));
        if (seed instanceof Tuple t && t.size() == 3) return a.seedTriple(t.get(0), t.get(1), t.get(2));
        if (seed instanceof List<?> l) {
            if (l.isEmpty()) throw new procshell.runtime.process.ErlangError(Atom.of("zero_seed"));
            if (l.size() > 2) throw new procshell.runtime.process.ErlangError(Atom.of("too_many_seed_integers"));
            long[] w = new long[2];
            for (int i = 0; i < l.size(); i++) {
                if (!ErlangArgs.isInt(l.get(i))) throw new procshell.runtime.process.ErlangError(Atom.of("non_integer_seed"));
                w[i] = RandAlgorithm.low64(l.get(i)) & RandAlgorithm.MASK58;
            }
            if (w[0] == 0 && w[1] == 0) throw new procshell.runtime.process.ErlangError(Atom.of("zero_seed"));
            return w;
        }
        throw clause(a.type + "_seed", 1);
    }

    private static Tuple put(Tuple state) {
        Erlang.put(SEED_KEY, state);
        return state;
    }

    private static Tuple current() {
        Object s = Erlang.get(SEED_KEY);
        if (algorithm(s) != null) return (Tuple) s;
        return seed(Atom.of("exsss"));
    }

    // ---- seeding --------------------------------------------------------------------------------

    /** {@code rand:seed/1}: an algorithm seeded from the clock, or an exported {@code {alg, state}}; the new state. */
    @Doc("""
        Seeds the process's generator: seed(:exsss) from the clock, seed(:exsss, 42) or
        seed(:exsss, {1, 2, 3}) reproducibly. Returns the new state.

        ## Examples

            ps> :rand.seed(:exsss, {1, 2, 3}); :rand.uniform(100)
            27
        """)
    public static Tuple seed(Object alg) {
        return put(seed_s(alg));
    }

    /** {@code rand:seed/2}. */
    public static Tuple seed(Object alg, Object seed) {
        return put(seed_s(alg, seed));
    }

    /** {@code rand:seed_s/1}: as seed/1 without storing. */
    @Doc("""
        As seed/1,2, without storing the state: returns it for uniform_s/1,2.
        """)
    public static Tuple seed_s(Object alg) {
        if (algorithm(alg) != null) return (Tuple) alg;
        if (alg instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom) return state(mkAlg(t.get(0)), words(Tuple.of(null, t.get(1))));
        long now = TimeUnits.systemNanos();
        return seed_s(alg, Tuple.of(Erlang.unique_integer(), Arithmetic.integer(now), Erlang.unique_integer()));
    }

    /** {@code rand:seed_s/2}. */
    public static Tuple seed_s(Object alg, Object seed) {
        RandAlgorithm a = mkAlg(alg);
        return state(a, seedWords(a, seed));
    }

    /** {@code rand:export_seed/0}: {@code {alg, [s0 | s1]}}, or {@code :undefined} before any use. */
    @Doc("""
        Returns the process's generator state as {alg, words} (for seed/1), or :undefined.
        """)
    public static Object export_seed() {
        Object s = Erlang.get(SEED_KEY);
        RandAlgorithm a = algorithm(s);
        return a == null ? Atom.UNDEFINED : Tuple.of(Atom.of(a.type), ((Tuple) s).get(1));
    }

    /** {@code rand:export_seed_s/1}. */
    @Doc("""
        Returns a state as {alg, words}, for seed/1.
        """)
    public static Tuple export_seed_s(Object state) {
        RandAlgorithm a = algorithm(state);
        if (a == null) throw clause("export_seed_s", 1);
        return Tuple.of(Atom.of(a.type), ((Tuple) state).get(1));
    }

    // ---- drawing --------------------------------------------------------------------------------

    /** {@code rand:uniform/0}: a float in [0.0, 1.0). */
    @Doc("""
        Returns a random float in [0.0, 1.0); with n, a random integer in 1..n.
        """)
    public static double uniform() {
        Tuple s = current();
        RandAlgorithm a = algorithm(s);
        long[] w = words(s);
        double x = a.uniform(w);
        put(state(a, w));
        return x;
    }

    /** {@code rand:uniform/1}: an integer in 1..n. */
    public static Number uniform(Object n) {
        Tuple r = uniform_s(n, current());
        put((Tuple) r.get(1));
        return (Number) r.get(0);
    }

    /** {@code rand:uniform_s/1}: {@code {float, new_state}}. */
    @Doc("""
        As uniform/0,1 with an explicit state: {value, new_state}.
        """)
    public static Tuple uniform_s(Object state) {
        RandAlgorithm a = algorithm(state);
        if (a == null) throw clause("uniform_s", 1);
        long[] w = words(state);
        double x = a.uniform(w);
        return Tuple.of(x, state(a, w));
    }

    /** {@code rand:uniform_s/2}: {@code {integer in 1..n, new_state}}. */
    public static Tuple uniform_s(Object n, Object state) {
        RandAlgorithm a = algorithm(state);
        if (a == null || !ErlangArgs.isInt(n) || Arithmetic.big(n).signum() <= 0) throw clause("uniform_s", 2);
        long[] w = words(state);
        BigInteger x = a.uniform(Arithmetic.big(n), w);
        return Tuple.of(Arithmetic.integer(x), state(a, w));
    }

    /** {@code rand:uniform_real/0}: a float in (0.0, 1.0]. */
    @Doc("""
        Returns a random float in (0.0, 1.0], finer near 0 than uniform/0.
        """)
    public static double uniform_real() {
        Tuple s = current();
        RandAlgorithm a = algorithm(s);
        long[] w = words(s);
        double x = a.legacy ? a.uniform(w) : a.uniformReal(w);
        put(state(a, w));
        return x;
    }

    /** {@code rand:jump/0}: the process's state advanced 2^64 draws (Xorshift116 generators). */
    @Doc("""
        Advances the process's generator by a large fixed number of draws; returns the new state.
        """)
    public static Tuple jump() {
        Tuple s = current();
        RandAlgorithm a = algorithm(s);
        if (a == RandAlgorithm.EXROP) throw new procshell.runtime.process.ErlangError(Atom.of("not_implemented"));
        return put(state(a, a.jump(words(s))));
    }
}
