package procshell.shell.elixir.compiler;

import java.util.List;

/** Prints the Groovy source and the result of snippets given as arguments (a development aid). */
final class CompilerDebug {
    public static void main(String[] args) {
        List<ElixirOracle.Answer> answers = ElixirOracle.ask(List.of(args));
        try (CompiledSession s = new CompiledSession()) {
            for (ElixirOracle.Answer a : answers) {
                String got = s.eval(a.quoted());
                System.out.println(s.lastSource);
                System.out.println("elixir:    " + a.output());
                System.out.println("procshell: " + got);
                if (s.lastError != null && System.getenv("TRACE") != null) s.lastError.printStackTrace(System.out);
            }
        }
        System.exit(0);
    }
}
