package procshell.shell.eval;

import procshell.shell.eval.Lexer.Kind;
import procshell.shell.eval.Lexer.Token;

/**
 * The translation of Elixir's {@code if} and {@code unless} for {@link IexSyntaxTranslator}, in
 * both forms, line for line:
 *
 * <pre>
 * if x &gt; 1 do                  _if_(true, x &gt; 1 , { -&gt;
 *   :big                         :big
 * else                         }, { -&gt;
 *   :small                       :small
 * end                          })
 * if ok, do: 1, else: 2        _if_(true, ok, { -&gt; 1}, { -&gt; 2})
 * </pre>
 *
 * ({@code unless} passes false first.) Groovy's {@code if (c) { ... }} has neither a {@code do}
 * nor a {@code do:} and is left alone.
 */
final class IfSyntax {
    private final IexSyntaxTranslator t;
    private final IexSyntaxStructure structure;
    private final int keyword;

    /** Token {@code i} is an Elixir {@code if}/{@code unless}: a {@code do ... end} or {@code , do:} follows on its line. */
    static boolean opens(IexSyntaxStructure structure, int i) {
        return doBlock(structure, i) >= 0 || doKey(structure, i) >= 0;
    }

    IfSyntax(IexSyntaxTranslator translator, int keyword) {
        this.t = translator;
        this.structure = translator.structure;
        this.keyword = keyword;
    }

    /** Emits the whole {@code if}; returns the index after it. */
    int emit() {
        t.out.append("_if_(").append(structure.tokens.get(keyword).isIdent("if")).append(',');
        int open = doBlock(structure, keyword);
        if (open >= 0) {
            int close = structure.partner[open];
            int otherwise = -1;
            for (int k = open + 1; k < close; k++) {
                if (structure.depth[k] == structure.depth[open] + 1 && structure.tokens.get(k).isIdent("else")
                        && !structure.afterMemberAccess(k)) {
                    otherwise = k;
                    break;
                }
            }
            t.emit(keyword + 1, open);
            t.out.append(", { ->");
            t.emit(open + 1, otherwise >= 0 ? otherwise : close);
            t.out.append(otherwise >= 0 ? "}, { ->" : "}, null");
            if (otherwise >= 0) {
                t.emit(otherwise + 1, close);
                t.out.append('}');
            }
            t.out.append(')');
            return close + 1;
        }
        int comma = doKey(structure, keyword);
        int end = statementEnd(comma);
        int elseComma = -1;
        for (int k = comma + 1; k < end; k = next(k)) {
            if (k > comma + 1 && key(k, "else")) {
                elseComma = k;
            }
        }
        t.emit(keyword + 1, comma);
        t.out.append(", { ->");
        t.emit(structure.nextSignificant(comma) + 2, elseComma >= 0 ? elseComma : end);
        t.out.append(elseComma >= 0 ? "}, { ->" : "}, null");
        if (elseComma >= 0) {
            t.emit(structure.nextSignificant(elseComma) + 2, end);
            t.out.append('}');
        }
        t.out.append(')');
        return end;
    }

    /** The token after {@code k}, skipping a whole group. */
    private int next(int k) {
        return structure.isOpener(k) ? structure.partner[k] + 1 : k + 1;
    }

    /** Token {@code k} is the {@code ,} of {@code , name:}. */
    private boolean key(int k, String name) {
        return key(structure, k, name);
    }

    private static boolean key(IexSyntaxStructure structure, int k, String name) {
        if (!structure.tokens.get(k).isOp(",")) {
            return false;
        }
        int word = structure.nextSignificant(k);
        return word >= 0 && structure.tokens.get(word).isIdent(name) && word + 1 < structure.tokens.size()
                && structure.tokens.get(word + 1).isOp(":");
    }

    /** Where the keyword form ends: the {@code ;}, line break or closer that ends its statement. */
    private int statementEnd(int from) {
        int level = structure.depth[keyword];
        int k = from;
        while (k < structure.tokens.size()) {
            Token tk = structure.tokens.get(k);
            if (structure.depth[k] < level || (structure.depth[k] == level && (tk.isOp(";") || tk.kind() == Kind.NEWLINE
                    || (tk.isIdent("end") && structure.partner[k] >= 0)))) {
                return k;
            }
            k = structure.isOpener(k) ? structure.partner[k] + 1 : k + 1;
        }
        return structure.tokens.size();
    }

    /** The paired {@code do} of {@code if cond do ... end}, or -1. */
    private static int doBlock(IexSyntaxStructure structure, int i) {
        int open = ReceiveSyntax.doAfter(structure, i);
        return open >= 0 && structure.isOpener(open) && structure.tokens.get(structure.partner[open]).isIdent("end") ? open : -1;
    }

    /** The {@code ,} of {@code if cond, do: value}, or -1. */
    private static int doKey(IexSyntaxStructure structure, int i) {
        int first = structure.nextSignificant(i);
        for (int k = first; k >= 0 && !structure.newlineBetween(i, k) && structure.depth[k] >= structure.depth[i];
                k = structure.nextSignificant(structure.isOpener(k) ? structure.partner[k] : k)) {
            Token tk = structure.tokens.get(k);
            if (tk.isOp(";") || tk.isOp("{") && k == first) {
                return -1;
            }
            if (structure.depth[k] == structure.depth[i] && key(structure, k, "do")) {
                return k > first ? k : -1;
            }
        }
        return -1;
    }
}
