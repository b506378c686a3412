package procshell.shell.elixir.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lenient tokenizer that colours input: kinds and spans, and no exception on anything. */
class TokenizerTest {

    private static String kinds(String source) {
        return Tokenizer.tokenize(source).stream()
                .map(t -> t.kind() + "[" + source.substring(t.start(), t.end()) + "]")
                .collect(Collectors.joining(" "));
    }

    @Test
    void tokensCarryKindsAndSpans() {
        assertEquals("IDENTIFIER[x] MATCH_OP[=] PAREN_IDENTIFIER[foo] LPAREN[(] ATOM[:ok] COMMA[,] BIN_STRING[\"s #{1}\"] RPAREN[)]"
                + " COMMENT[# note]", kinds("x = foo(:ok, \"s #{1}\") # note"));
        assertEquals("DO_IDENTIFIER[f] DO[do] EOL[\n] INT[1] EOL[\n] END[end]", kinds("f do\n1\nend"));
        assertEquals("OP_IDENTIFIER[f] DUAL_OP[-] INT[1]", kinds("f -1"));
        assertEquals("KW_IDENTIFIER[a:] INT[1] COMMA[,] KW_IDENTIFIER[\"b\":] INT[2]", kinds("a: 1, \"b\": 2"));
        assertEquals("IDENTIFIER[a] IN_OP[not in] IDENTIFIER[b]", kinds("a not in b"));
    }

    @Test
    void anUnterminatedTokenRunsToTheEnd() {
        assertEquals("IDENTIFIER[x] MATCH_OP[=] ERROR[\"abc\n  def]", kinds("x = \"abc\n  def"));
        assertEquals("SIGIL[~s(a)] ERROR[~s(b]", kinds("~s(a)~s(b"));
    }

    @Test
    void neverThrows() {
        List<String> odd = List.of(")", "end end", "1a", "\\", "%(", "\"#{", "'''", "~", "?", ":", "a;;b", "\u00c4", "#{", "foo:bar", "0x");
        for (String s : odd) {
            Tokenizer.tokenize(s);
        }
        assertEquals("RPAREN[)] END[end]", kinds(")end"));
    }
}
