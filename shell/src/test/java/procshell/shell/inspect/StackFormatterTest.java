package procshell.shell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Java stacks of typed code and of the runtime, as the stacktrace lines Elixir prints. */
class StackFormatterTest {
    private static StackTraceElement f(String cls, String method, String file, int line) {
        return new StackTraceElement(cls, method, file, line);
    }

    private static final StackTraceElement[] GROOVY_CALL = {
        f("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 104),
        f("org.codehaus.groovy.runtime.InvokerHelper", "invokeMethod", "InvokerHelper.java", 618),
    };

    @Test
    void aCallbackThatRaised() {
        List<StackTraceElement> stack = List.of(
                HelloServer.frame("handle_call", 8), GROOVY_CALL[0], GROOVY_CALL[1],
                f("procshell.shell.iex.CallbackServer", "invoke", "CallbackServer.java", 47),
                f("procshell.shell.iex.CallbackServer", "handleCall", "CallbackServer.java", 67),
                f("procshell.runtime.otp.GenServer", "loop", "GenServer.java", 493),
                f("procshell.runtime.otp.GenServer", "run", "GenServer.java", 367),
                f("procshell.runtime.node.Node", "run", "Node.java", 143));
        assertEquals(List.of(
                "iex:8: HelloServer.handle_call/3",
                "(stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4",
                "(stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6",
                "(stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"), StackFormatter.lines(null, stack));
    }

    @Test
    void initRaised() {
        List<StackTraceElement> stack = List.of(
                HelloServer.frame("init", 3),
                f("procshell.shell.iex.CallbackServer", "init", "CallbackServer.java", 62),
                f("procshell.runtime.otp.GenServer", "runServer", "GenServer.java", 387),
                f("procshell.runtime.otp.GenServer", "run", "GenServer.java", 367));
        assertEquals(List.of(
                "iex:3: HelloServer.init/1",
                "(stdlib 4.2) gen_server.erl:851: :gen_server.init_it/2",
                "(stdlib 4.2) gen_server.erl:814: :gen_server.init_it/6",
                "(stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"), StackFormatter.lines(null, stack));
    }

    @Test
    void aClosureInsideATypedMethod() {
        List<StackTraceElement> stack = List.of(
                f(HelloServer.class.getName() + "$_handle_call_closure1", "doCall", "iex_3.groovy", 9),
                f("groovy.lang.Closure", "call", "Closure.java", 450),
                HelloServer.frame("handle_call", 9));
        assertEquals(List.of("iex:9: anonymous fn/0 in HelloServer.handle_call/3", "iex:9: HelloServer.handle_call/3"),
                StackFormatter.lines(null, stack));
    }

    @Test
    void atThePromptTheEvaluatorsFramesArePruned() {
        RuntimeException e = new RuntimeException("x");
        e.setStackTrace(new StackTraceElement[] {
            HelloServer.frame("init", 2),
            f("iex_5", "run", "iex_5.groovy", 1),
            f("procshell.shell.eval.Evaluator", "evaluate", "Evaluator.java", 106),
        });
        assertEquals(List.of("iex:2: HelloServer.init/1"), StackFormatter.promptLines(e));
    }

    @Test
    void theShellWaitingInACall() {
        StackTraceElement[] client = {
            f("procshell.runtime.process.Mailbox", "take", "Mailbox.java", 81),
            f("procshell.runtime.otp.GenServer", "call", "GenServer.java", 242),
            f("procshell.shell.iex.GenServer", "call", "GenServer.java", 104),
            f("procshell.shell.iex.GenServer", "call", "GenServer.java", 98),
            f("iex_9", "run", "iex_9.groovy", 1),
            f("procshell.shell.eval.Evaluator", "evaluate", "Evaluator.java", 106),
        };
        assertEquals(List.of(
                "(stdlib 4.2) gen.erl:256: :gen.do_call/4",
                "(elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3",
                "(stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7",
                "(elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3",
                "(elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1",
                "(iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3",
                "(iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3",
                "(iex 1.14.0) lib/iex/evaluator.ex:292: IEx.Evaluator.parse_eval_inspect/3"), StackFormatter.clientLines(client, true));
    }

    @Test
    void aServerWaitingInACallFromItsCallback() {
        StackTraceElement[] client = {
            f("procshell.runtime.process.Mailbox", "take", "Mailbox.java", 81),
            f("procshell.shell.iex.GenServer", "call", "GenServer.java", 104),
            f("procshell.shell.iex.GenServer", "call", "GenServer.java", 98),
            HelloServer.frame("handle_call", 7), GROOVY_CALL[0], GROOVY_CALL[1],
            f("procshell.shell.iex.CallbackServer", "handleCall", "CallbackServer.java", 67),
            f("procshell.runtime.otp.GenServer", "loop", "GenServer.java", 493),
            f("procshell.runtime.otp.GenServer", "run", "GenServer.java", 367),
        };
        assertEquals(List.of(
                "(stdlib 4.2) gen.erl:256: :gen.do_call/4",
                "(elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3",
                "iex:7: HelloServer.handle_call/3",
                "(stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4",
                "(stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6",
                "(stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3"), StackFormatter.clientLines(client, false));
    }

    @Test
    void aClassOfAnEarlierInputStillHasItsArityWhenNotVisibleFromTheThread() throws Exception {
        groovy.lang.GroovyClassLoader loader = new groovy.lang.GroovyClassLoader();
        Class<?> typed = loader.parseClass("class TypedEarlier { def handle_info(msg, state) { throw new RuntimeException('x') } }", "iex_4.groovy");
        Object server = typed.getDeclaredConstructor().newInstance();
        RuntimeException raised;
        try {
            typed.getMethod("handle_info", Object.class, Object.class).invoke(server, 1, 2);
            throw new AssertionError("no exception");
        } catch (java.lang.reflect.InvocationTargetException e) {
            raised = (RuntimeException) e.getCause();
        }
        // this thread's context loader does not know TypedEarlier; Groovy's class table does
        List<String> lines = StackFormatter.lines(raised, List.of(raised.getStackTrace()));
        assertEquals("iex:1: TypedEarlier.handle_info/2", lines.get(0));
    }
}
