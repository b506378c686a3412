package procshell.shell.eval;

import java.util.List;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;
import procshell.shell.iex.ShellModules;

/**
 * Elixir calls a module's function of arity 0 without parentheses: {@code Node.self},
 * {@code Node.list}, {@code Process.list}, {@code :math.pi}, {@code :erlang.node},
 * {@code Node.alive?}. Groovy would read them as properties, which these modules do not have.
 * Only the shell's own modules (Elixir-named and Erlang) are known when an input is translated;
 * a class typed at the prompt keeps Groovy's property access.
 */
final class ZeroArityCalls {
    private ZeroArityCalls() {}

    /**
     * Whether the member name at token {@code i} (after a dot) is such a call: its receiver is a
     * shell module written as a name ({@code Node}) or an atom ({@code :math}), no argument list,
     * assignment or further member access follows, and the module has that function with arity 0.
     */
    static boolean isCall(IexSyntaxStructure structure, int i, int limit) {
        List<Token> tokens = structure.tokens;
        int dot = structure.prevSignificant(i);
        int receiver = dot < 0 || !tokens.get(dot).isOp(".") ? -1 : structure.prevSignificant(dot);
        if (receiver < 0 || structure.afterMemberAccess(receiver)) return false;
        Token r = tokens.get(receiver);
        String module = r.kind() == Kind.ATOM ? r.text() : r.kind() == Kind.IDENT ? r.text() : null;
        if (module == null) return false;
        String name = tokens.get(i).text();
        int after = i + 1;
        if (after < limit && (tokens.get(after).isOp("?") || tokens.get(after).isOp("!"))) {
            name += tokens.get(after).text();
            after++;
        }
        int next = structure.nextSignificant(after - 1);
        if (next >= 0 && next < limit) {
            Token n = tokens.get(next);
            if (n.isOp("(") || n.isOp("=") || n.isOp(".") || n.isOp("{") || n.isOp("?.") || n.isOp("*.")) return false;
        }
        ShellModules.Module m = ShellModules.find(module);
        if (m == null) return false;
        for (ShellModules.Function f : ShellModules.functions(m.cls())) {
            if (f.arity() == 0 && f.name().equals(name)) return true;
        }
        return false;
    }
}
