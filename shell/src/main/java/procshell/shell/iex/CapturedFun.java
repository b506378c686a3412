package procshell.shell.iex;

import groovy.lang.Closure;

/**
 * A capture of a remote function compiled through Groovy ({@code &Enum.map/2}): the fn it stands
 * for, which prints as iex prints it, as itself rather than as a fn.
 */
public final class CapturedFun extends Closure<Object> implements FunOrigin {
    private final String label;
    private final Closure<?> fn;

    private CapturedFun(String label, Closure<?> fn) {
        super(null);
        this.label = label;
        this.fn = fn;
        maximumNumberOfParameters = fn.getMaximumNumberOfParameters();
        parameterTypes = fn.getParameterTypes();
    }

    /**
     * The capture {@code label} ({@code "&Enum.map/2"}) made of the fn it stands for.
     *
     * @param label how iex prints the capture
     * @param fn    {@code fn a, b -> Enum.map(a, b) end}
     * @return a fn of the same arity that calls {@code fn}
     */
    public static CapturedFun of(String label, Closure<?> fn) {
        return new CapturedFun(label, fn);
    }

    @Override
    public String capture() {
        return label;
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
