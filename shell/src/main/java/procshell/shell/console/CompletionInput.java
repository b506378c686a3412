package procshell.shell.console;

import java.util.ArrayList;
import java.util.List;

import procshell.shell.elixir.reader.Token;
import procshell.shell.elixir.reader.TokenKind;
import procshell.shell.elixir.reader.Tokenizer;

/**
 * What Tab completes, read from the input before the cursor with the Elixir reader's tokens:
 * the fragment being typed ({@code Registry.lo}, {@code :et}, {@code x.ab}, or a string begun as
 * an argument, {@code "ro}) and, when the cursor is among the arguments of a call, that call
 * ({@code Registry.lookup(MyReg, }: the callee {@code Registry.lookup}, argument 1, and the text
 * of the arguments before it).
 *
 * @param fragment  the text from {@link #start} to the cursor, which a candidate replaces
 * @param start     the offset in the line where the fragment starts
 * @param inString  true when the fragment is a string literal still open ({@code "ro})
 * @param call      the innermost call whose parentheses are open at the cursor, or null
 */
record CompletionInput(String fragment, int start, boolean inString, Call call) {

    /**
     * A call the cursor is inside of.
     *
     * @param module   the module as typed ({@code Registry}, {@code :ets}), or null for a local call
     * @param function the function's name
     * @param argument the index of the argument the cursor is in (0 for the first)
     * @param before   the source of the arguments before it, stripped
     */
    record Call(String module, String function, int argument, List<String> before) {
        /** {@code Registry.lookup} or {@code spawn}: the callee as typed. */
        String callee() {
            return module == null ? function : module + "." + function;
        }
    }

    /** The input of a line with the cursor at {@code cursor}. */
    static CompletionInput of(String line, int cursor) {
        String before = line.substring(0, Math.min(cursor, line.length()));
        int quote = IexParser.openQuote(before);
        int start;
        if (quote >= 0) {
            start = quote;
        } else {
            start = before.length();
            while (start > 0 && IexParser.isNameChar(before.charAt(start - 1))) start--;
        }
        return new CompletionInput(before.substring(start), start, quote >= 0, call(before.substring(0, start)));
    }

    /** The innermost call left open at the end of {@code source}, or null. */
    private static Call call(String source) {
        List<Token> tokens = Tokenizer.tokenize(source);
        int depth = 0;
        int argument = 0;
        int argumentEnd = source.length();
        List<String> args = new ArrayList<>();
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case RPAREN, RBRACKET, RCURLY, RBIT, END -> depth++;
                case LBRACKET, LCURLY, LBIT, DO, FN -> {
                    if (depth == 0) return null; // the cursor is in a list, tuple, map or block: no call's argument
                    depth--;
                }
                case LPAREN -> {
                    if (depth > 0) {
                        depth--;
                        continue;
                    }
                    args.add(0, source.substring(t.end(), argumentEnd).strip());
                    args.remove(args.size() - 1); // the one the cursor is in
                    return callee(source, tokens, i, argument, args);
                }
                case COMMA -> {
                    if (depth == 0) {
                        args.add(0, source.substring(t.end(), argumentEnd).strip());
                        argumentEnd = t.start();
                        argument++;
                    }
                }
                default -> { }
            }
        }
        return null;
    }

    /** The callee before the parenthesis at {@code paren}: {@code Mod.fun(}, {@code :mod.fun(}, {@code fun(}. */
    private static Call callee(String source, List<Token> tokens, int paren, int argument, List<String> args) {
        if (paren == 0) return null;
        Token name = tokens.get(paren - 1);
        if (name.kind() != TokenKind.PAREN_IDENTIFIER || name.end() != tokens.get(paren).start()) return null;
        String function = source.substring(name.start(), name.end());
        int i = paren - 2;
        if (i < 0 || tokens.get(i).kind() != TokenKind.DOT) return new Call(null, function, argument, args);
        int moduleEnd = tokens.get(i).start();
        int moduleStart = -1;
        // Mod.Sub.fun( or :mod.fun(
        while (i > 0) {
            Token m = tokens.get(i - 1);
            if (m.kind() == TokenKind.ALIAS) {
                moduleStart = m.start();
                if (i - 2 >= 0 && tokens.get(i - 2).kind() == TokenKind.DOT) {
                    i -= 2;
                    continue;
                }
            } else if (m.kind() == TokenKind.ATOM && moduleStart < 0) {
                moduleStart = m.start();
            }
            break;
        }
        if (moduleStart < 0) return null; // var.fun( or expr.fun(: nothing known
        return new Call(source.substring(moduleStart, moduleEnd), function, argument, args);
    }
}
