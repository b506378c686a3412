package procshell.shell.iex;

import java.util.Map;

import procshell.runtime.node.Atom;

/**
 * A raised exception struct of a module defined by {@code defexception} ({@code raise MyError},
 * {@code raise %MyError{}}): the struct travels with it, a {@code rescue} binds the struct, and
 * iex prints {@code ** (MyError) } followed by what the module's {@code message/1} answers for
 * it, as Elixir's {@code Exception.message/1}.
 */
public final class DefinedException extends RuntimeException {
    private final transient Map<?, ?> struct;
    private final String message;

    /**
     * @param struct the exception's struct, {@code __struct__} naming its module; its message is
     *               asked of the module now, in the raising process (the error may be printed
     *               by one that cannot call the module's functions)
     */
    DefinedException(Map<?, ?> struct) {
        super(null, null, false, true);
        this.struct = struct;
        this.message = ElixirException.message(struct);
    }

    /** The exception's struct, as {@code rescue e ->} binds it. */
    public Map<?, ?> struct() {
        return struct;
    }

    /** The module's name as iex prints it, {@code MyError} for {@code :"Elixir.MyError"}. */
    public String moduleName() {
        String name = ((Atom) struct.get(ExceptionStructs.STRUCT)).name();
        return name.startsWith("Elixir.") ? name.substring(7) : name;
    }

    /** The module's {@code message/1} of the struct, as {@code Exception.message/1} answers it. */
    @Override
    public String getMessage() {
        return message;
    }
}
