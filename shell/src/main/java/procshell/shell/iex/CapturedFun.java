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

    /**
     * The capture {@code &module.function/arity} of a function looked up when it is called
     * ({@code :erlang.make_fun/3}): a module typed later, or redefined, is the one called.
     *
     * @param module   the module's atom
     * @param function the function's name
     * @param arity    0 to 255
     * @return a fn of that arity that calls {@code module.function}
     */
    public static CapturedFun calling(Atom module, Atom function, int arity) {
        Closure<Object> call = new Closure<>(null) {
            {
                maximumNumberOfParameters = arity;
                parameterTypes = new Class<?>[arity];
                java.util.Arrays.fill(parameterTypes, Object.class);
            }

            @Override
            public Object call(Object... args) {
                return Ops.call(module, function.name(), args);
            }
        };
        return new CapturedFun(new Capture(module, function, arity), call);
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
