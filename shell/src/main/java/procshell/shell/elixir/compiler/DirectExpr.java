package procshell.shell.elixir.compiler;

/**
 * An expression of a directly evaluated input ({@link DirectInput}), planned from its quoted form:
 * evaluates with the input's variable slots.
 */
@FunctionalInterface
interface DirectExpr {
    /**
     * @param env the variable slots (each binding of a variable has a slot of its own)
     * @return the expression's value
     * @throws Throwable what the expression raised, exited or threw, as the compiled input would
     */
    Object eval(Object[] env) throws Throwable;

    /** The expressions' values, left to right. */
    static Object[] values(DirectExpr[] args, Object[] env) throws Throwable {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i].eval(env);
        return out;
    }

    /** A constant. */
    static DirectExpr constant(Object v) {
        return env -> v;
    }

    /** Rethrows what an expression threw as it is (an Elixir error, an exit, a throw), past signatures without throws. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
