package procshell.shell.iex;

import groovy.lang.Closure;

/**
 * An Elixir fn made in Java, for the functions that return one ({@code Access.at/1},
 * {@code Stream.iterate/2}'s pieces): a Groovy closure of a fixed arity, so that
 * {@code is_function(f, 3)} holds and {@code f.(a, b, c)} calls it.
 */
final class Fn extends Closure<Object> {
    /** The body of a three-argument fn. */
    interface Body3 {
        Object apply(Object a, Object b, Object c);
    }

    private final transient Body3 body;

    private Fn(int arity, Body3 body) {
        super(null);
        this.body = body;
        this.maximumNumberOfParameters = arity;
        Class<?>[] types = new Class<?>[arity];
        java.util.Arrays.fill(types, Object.class);
        this.parameterTypes = types;
    }

    /** A fn of three arguments. */
    static Fn of3(Body3 body) {
        return new Fn(3, body);
    }

    /** A fn of one argument. */
    static Fn of1(java.util.function.UnaryOperator<Object> body) {
        return new Fn(1, (a, b, c) -> body.apply(a));
    }

    /** A fn of two arguments. */
    static Fn of2(java.util.function.BinaryOperator<Object> body) {
        return new Fn(2, (a, b, c) -> body.apply(a, b));
    }

    /** A fn of no argument. */
    static Fn of0(java.util.function.Supplier<Object> body) {
        return new Fn(0, (a, b, c) -> body.get());
    }

    /** Called by Groovy for {@code f.()}, {@code f.(a)}, {@code f.(a, b)} and {@code f.(a, b, c)}. */
    @Override
    public Object call(Object... args) {
        return body.apply(args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null);
    }

    @Override
    public Object call() {
        return call(new Object[0]);
    }

    @Override
    public Object call(Object arg) {
        return call(new Object[] {arg});
    }
}
