package procshell.shell.iex;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;

/**
 * A capture of a remote function compiled through Groovy ({@code &Enum.map/2}): the fn it stands
 * for, which prints as iex prints it, as itself rather than as a fn.
 */
public final class CapturedFun extends Closure<Object> implements FunOrigin {
    private final Capture capture;
    private final Closure<?> fn;

    private CapturedFun(Capture capture, Closure<?> fn) {
        super(null);
        this.capture = capture;
        this.fn = fn;
        maximumNumberOfParameters = fn.getMaximumNumberOfParameters();
        parameterTypes = fn.getParameterTypes();
    }

    /**
     * The capture {@code &module.function/arity} made of the fn it stands for.
     *
     * @param module   the module's atom name, e.g. {@code "Elixir.Enum"}
     * @param function the function's name, e.g. {@code "map"}
     * @param fn       {@code fn a, b -> Enum.map(a, b) end}
     * @return a fn of the same arity that calls {@code fn}
     */
    public static CapturedFun of(String module, String function, Closure<?> fn) {
        return new CapturedFun(new Capture(Atom.of(module), Atom.of(function), fn.getMaximumNumberOfParameters()), fn);
    }

    @Override
    public Capture capture() {
        return capture;
    }

    @Override
    public String module() {
        return null;
    }

    @Override
    public String definedIn() {
        return null;
    }

    @Override
    public int index() {
        return 0;
    }

    @Override
    public Object call() {
        return fn.call();
    }

    @Override
    public Object call(Object argument) {
        return fn.call(argument);
    }

    @Override
    public Object call(Object... arguments) {
        return fn.call(arguments);
    }

    /** What Groovy's own dispatch of a closure call looks for. */
    public Object doCall(Object... arguments) {
        return fn.call(arguments);
    }
}
