package procshell.shell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import groovy.lang.GroovyShell;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;

/**
 * What iex prints after an input fails, for the exceptions the shell turns into Elixir's: each
 * expected text is iex 1.14's for the same failure (see {@code iex-reference/errors_at_prompt.txt}
 * and {@code call_errors.txt}).
 */
class ErrorFormatterTest {
    static final String NOPROC = ExitFormatterTest.NOPROC;
    static final Atom GEN_SERVER = Atom.of("Elixir.GenServer");

    @BeforeAll
    static void install() {
        ShellTerms.install();
    }

    private static Tuple call(Object server, Object request, Object timeout) {
        return Tuple.of(GEN_SERVER, Atom.of("call"), List.of(server, request, timeout));
    }

    private static ExitException exit(Object why, Tuple mfa) {
        return new ExitException(Tuple.of(why, mfa));
    }

    @Test
    void genServerCallExitsEndWithTheLineOfGenServerEx() {
        Pid pid = new Pid(null, 0, 152, 0);
        assertEquals("""
                ** (exit) exited in: GenServer.call(:nobody, :hello, 5000)
                    ** (EXIT) %s
                    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3""".formatted(NOPROC),
                ErrorFormatter.format(exit(Atom.NOPROC, call(Atom.of("nobody"), Atom.of("hello"), 5000L))));
        assertEquals("""
                ** (exit) exited in: GenServer.call({:global, :nobody}, :hi, 5000)
                    ** (EXIT) %s
                    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3""".formatted(NOPROC),
                ErrorFormatter.format(exit(Atom.NOPROC, call(Tuple.of(Atom.GLOBAL, Atom.of("nobody")), Atom.of("hi"), 5000L))),
                "a :global or :via name that names nobody");
        assertEquals("""
                ** (exit) exited in: GenServer.call(#PID<0.152.0>, :x, 5000)
                    ** (EXIT) %s
                    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3""".formatted(NOPROC),
                ErrorFormatter.format(exit(Atom.NOPROC, call(pid, Atom.of("x"), 5000L))), "a dead pid");
        assertEquals("""
                ** (exit) exited in: GenServer.call(#PID<0.152.0>, :slow, 100)
                    ** (EXIT) time out
                    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3""",
                ErrorFormatter.format(exit(Atom.TIMEOUT, call(pid, Atom.of("slow"), 100L))));
        assertEquals("""
                ** (exit) exited in: GenServer.call(#PID<0.108.0>, :x, 5000)
                    ** (EXIT) process attempted to call itself
                    (elixir 1.14.0) lib/gen_server.ex:1031: GenServer.call/3""",
                ErrorFormatter.format(exit(Atom.of("calling_self"), call(new Pid(null, 0, 108, 0), Atom.of("x"), 5000L))));
    }

    @Test
    void genServerStopExits() {
        Tuple stop = Tuple.of(GEN_SERVER, Atom.of("stop"), List.of(Atom.of("nope"), Atom.NORMAL, Atom.INFINITY));
        assertEquals("""
                ** (exit) exited in: GenServer.stop(:nope, :normal, :infinity)
                    ** (EXIT) %s
                    (elixir 1.14.0) lib/gen_server.ex:985: GenServer.stop/3""".formatted(NOPROC),
                ErrorFormatter.format(exit(Atom.NOPROC, stop)));
        Tuple stopPid = Tuple.of(GEN_SERVER, Atom.of("stop"), List.of(new Pid(null, 0, 250, 0), Atom.NORMAL, Atom.INFINITY));
        assertEquals("""
                ** (exit) exited in: GenServer.stop(#PID<0.250.0>, :normal, :infinity)
                    ** (EXIT) %s
                    (elixir 1.14.0) lib/gen_server.ex:995: GenServer.stop/3""".formatted(NOPROC),
                ErrorFormatter.format(exit(Atom.NOPROC, stopPid)));
    }

    @Test
    void exitsTypedAtThePromptHaveNoStackLine() {
        // iex prints an empty line after these; the console adds it to any error without stack lines
        assertEquals("** (exit) :reason", ErrorFormatter.format(new ExitException(Atom.of("reason"))));
        assertEquals("** (exit) normal", ErrorFormatter.format(new ExitException(Atom.NORMAL)));
    }

    @Test
    void aCallerOfACrashedServer() {
        RuntimeException boom = HelloServer.raisedIn(new RuntimeException("boom"), "handle_call", 8);
        Tuple reason = Tuple.of(Tuple.of(boom, List.of(boom.getStackTrace())), call(new Pid(null, 0, 152, 0), Atom.of("boom"), 5000L));
        assertEquals("""
                ** (exit) exited in: GenServer.call(#PID<0.152.0>, :boom, 5000)
                    ** (EXIT) an exception was raised:
                        ** (RuntimeError) boom
                            iex:8: HelloServer.handle_call/3
                            (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
                            (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
                            (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
                    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3""", ErrorFormatter.format(new ExitException(reason)));
    }

    @Test
    void exceptionsRaisedByTheInput() {
        RuntimeException boom = new RuntimeException("boom");
        boom.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("procshell.shell.iex.Kernel", "raise", "Kernel.java", 240),
            new StackTraceElement("iex_2", "run", "iex_2.groovy", 1),
            new StackTraceElement("procshell.shell.eval.Evaluator", "evaluate", "Evaluator.java", 106),
        });
        assertEquals("** (RuntimeError) boom", ErrorFormatter.format(boom), "no stack line: iex prunes its own frames");
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        bad.setStackTrace(new StackTraceElement[0]);
        assertEquals("** (ArgumentError) bad", ErrorFormatter.format(bad));
    }

    @Test
    void anExceptionFromAMethodOfATypedClass() {
        RuntimeException e = new RuntimeException("in module");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("procshell.shell.iex.Kernel", "raise", "Kernel.java", 240),
            HelloServer.frame("init", 7),
            new StackTraceElement("iex_8", "run", "iex_8.groovy", 1),
        });
        assertEquals("** (RuntimeError) in module\n    iex:7: HelloServer.init/1", ErrorFormatter.format(e));
    }

    @Test
    void anUnknownVariableIsAnUndefinedFunctionAsInElixir114() {
        MissingPropertyException e = (MissingPropertyException) evaluate("undefined_var");
        assertEquals("""
                warning: variable "undefined_var" does not exist and is being expanded to "undefined_var()", please use parentheses to remove the ambiguity or change the variable name
                  iex:2

                ** (CompileError) iex:2: undefined function undefined_var/0 (there is no such import)""",
                ErrorFormatter.format(e, 2), "typed at iex(2)>");
        assertEquals("CompileError", ErrorFormatter.elixirName(e));
    }

    @Test
    void anUnknownFunctionIsACompileError() {
        MissingMethodException e = (MissingMethodException) evaluate("foo()");
        assertEquals("** (CompileError) iex:2: undefined function foo/0 (there is no such import)", ErrorFormatter.format(e, 2));
        MissingMethodException e2 = (MissingMethodException) evaluate("\nfoo(1, 2)");
        assertEquals("** (CompileError) iex:6: undefined function foo/2 (there is no such import)", ErrorFormatter.format(e2, 5),
                "on the second line of an input typed at iex(5)>");
    }

    @Test
    void syntaxErrorsNameTheLineAsIexNumbersIt() {
        Throwable e = evaluate("foo(]");
        String text = ErrorFormatter.format(e, 17);
        assertEquals("** (SyntaxError) iex:17:", text.substring(0, "** (SyntaxError) iex:17:".length()), text);
    }

    @Test
    void elixirNamesOfJavaExceptions() {
        assertEquals("ArgumentError", ErrorFormatter.elixirName(new IllegalArgumentException()));
        assertEquals("ArithmeticError", ErrorFormatter.elixirName(new ArithmeticException()));
        assertEquals("RuntimeError", ErrorFormatter.elixirName(new RuntimeException()));
        assertEquals("RuntimeError", ErrorFormatter.elixirName(new IllegalStateException()), "no Java name: IllegalStateError is none of Elixir's");
        assertEquals("bad argument in arithmetic expression", ErrorFormatter.message(new ArithmeticException("/ by zero")));
    }

    /** What a script typed at the prompt throws (compiled as the shell compiles them: class iex_N). */
    private static Throwable evaluate(String source) {
        GroovyShell shell = new GroovyShell();
        try {
            shell.evaluate(source, "iex_2.groovy");
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("no error from " + source);
    }
}
