package procshell.shell.elixir.erl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.dist.FunTerm;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Which fun of a node's loaded {@code erl_eval} stands for an interpreted fn of each arity: the
 * module's MD5 ({@code uniq}), old uniq, and the index of the fun {@code erl_eval:expr/6} makes
 * for arity 0..20. A fun whose identity does not match the receiving node's {@code erl_eval}
 * raises {@code badfun} there, so the identity is learned from each BEAM node once, by asking it
 * over rpc to build one fn of each arity ({@code :erl_eval.expr/2}), and kept per node. A node
 * that cannot answer (a procshell node, which reads any {@code erl_eval} fun) gets OTP 25's.
 *
 * @param uniq    the 16-byte MD5 of the node's {@code erl_eval}
 * @param oldUniq its 27-bit old uniq
 * @param index   the fun's index by arity (0..20)
 */
record ErlEvalIdentity(byte[] uniq, long oldUniq, long[] index) {
    /** The most arguments {@code erl_eval} makes a fun of (more raise {@code argument_limit}). */
    static final int MAX_ARITY = 20;

    /** erl_eval (stdlib 4.2) of OTP 25, as {@code elixir} 1.14 on OTP 25 reports it. */
    static final ErlEvalIdentity OTP_25;

    static {
        long[] index = new long[MAX_ARITY + 1];
        for (int a = 0; a <= MAX_ARITY; a++) index[a] = 43 - a;
        OTP_25 = new ErlEvalIdentity(new byte[] {6, 83, 97, (byte) 170, 70, 21, (byte) 144, (byte) 209, (byte) 189, (byte) 241, (byte) 235,
                98, (byte) 209, (byte) 166, (byte) 235, 8}, 3316493, index);
    }

    private static final Map<Atom, ErlEvalIdentity> KNOWN = new ConcurrentHashMap<>();
    private static final Atom ERL_EVAL = Atom.of("erl_eval");


    /**
     * The identity of {@code node}'s {@code erl_eval}: known, or learned now over rpc when the
     * caller is a process (a call that waits up to 5 s), else OTP 25's (not kept, so that a
     * process's send learns it later).
     *
     * @param node the node a fn goes to, or null for none in particular ({@code term_to_binary})
     */
    static ErlEvalIdentity of(Atom node) {
        if (node == null) return OTP_25;
        ErlEvalIdentity known = KNOWN.get(node);
        if (known != null) return known;
        if (procshell.runtime.process.ProcessContext.current() == null) return OTP_25;
        ErlEvalIdentity learned = learn(node);
        KNOWN.put(node, learned);
        return learned;
    }

    private static ErlEvalIdentity learn(Atom node) {
        List<Object> funs = new ArrayList<>();
        for (int a = 0; a <= MAX_ARITY; a++) {
            List<Object> params = new ArrayList<>();
            for (int i = 1; i <= a; i++) params.add(Forms.var(1, "V" + i));
            Object clause = Forms.form("clause", 1, params, List.of(), List.of(Forms.atom(1, Atom.of("ok"))));
            funs.add(Forms.form("fun", 1, Tuple.of(Atom.of("clauses"), List.of(clause))));
        }
        Object answer;
        try {
            answer = procshell.shell.iex.Rpc.call(node, ERL_EVAL, Atom.of("expr"),
                    List.of(Forms.form("tuple", 1, funs), new procshell.shell.iex.MapTerm()), 5000);
        } catch (RuntimeException e) {
            return OTP_25;
        }
        if (!(answer instanceof Tuple t) || t.size() != 3 || !(t.get(1) instanceof Tuple made) || made.size() != MAX_ARITY + 1) return OTP_25;
        long[] index = new long[MAX_ARITY + 1];
        FunTerm first = null;
        for (int a = 0; a <= MAX_ARITY; a++) {
            FunTerm f = made.get(a) instanceof ArrivedFun arrived ? arrived.term() : null;
            if (f == null || f.arity() != a || !ERL_EVAL.equals(f.module())) return OTP_25;
            if (first == null) first = f;
            index[a] = f.index();
        }
        return new ErlEvalIdentity(first.uniq(), first.oldUniq(), index);
    }
}
