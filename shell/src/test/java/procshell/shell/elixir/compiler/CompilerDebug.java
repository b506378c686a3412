package procshell.shell.elixir.compiler;

import java.util.List;

/** Prints the Groovy source, the result and the time of snippets run in one session (a development aid). */
final class CompilerDebug {
    public static void main(String[] args) {
        List<Object> quoted = ElixirOracle.quote(List.of(args));
        try (CompiledSession s = new CompiledSession()) {
            for (Object q : quoted) {
                long t0 = System.nanoTime();
                String got = s.eval(q);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (System.getenv("SOURCE") != null) System.out.println(s.lastSource);
                System.out.println("procshell: " + got + "   (" + ms + " ms)");
                if (s.lastError != null && System.getenv("TRACE") != null) s.lastError.printStackTrace(System.out);
            }
        }
        System.exit(0);
    }
}
