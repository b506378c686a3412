package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.shell.iex.CompiledModules.a;
import static procshell.shell.iex.CompiledModules.kw;
import static procshell.shell.iex.CompiledModules.list;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keyword's functions on keyword lists (options as compiled code passes them), as iex 1.14 prints them. */
@Timeout(30)
class KeywordTest {
    @Test
    void keywordFunctionsAsElixirs() {
        try (CompiledModules c = new CompiledModules()) {
            assertEquals("key :b not found in: [a: 1]", assertThrows(KeyError.class, () -> Keyword.fetch_bang(kw("a", 1), a("b"))).getMessage());
            assertEquals("[b: 2, a: 3, c: 4]", c.show(Keyword.merge(kw("a", 1, "b", 2), kw("a", 3, "c", 4))));
            assertEquals("{1, [b: 2]}", c.show(Keyword.pop(kw("a", 1, "b", 2, "a", 3), a("a"))));
            assertEquals("[a: 1, c: 3]", c.show(Keyword.take(kw("a", 1, "b", 2, "c", 3), list(a("a"), a("c")))));
            assertEquals("[a: 1]", c.show(Keyword.drop(kw("a", 1, "b", 2), list(a("b")))));
            assertEquals("[1, 2]", c.show(Keyword.values(kw("a", 1, "b", 2))));
            assertEquals("[b: 2, a: 1]", c.show(Keyword.put_new(kw("a", 1), a("b"), 2)));
            assertEquals("[a: 9, b: 2]", c.show(Keyword.put(kw("a", 1, "b", 2, "a", 3), a("a"), 9)));
            assertEquals("true", c.show(Keyword.keyword_qm(kw("a", 1))));
            assertEquals("{:ok, 1}", c.show(Keyword.fetch(kw("a", 1), a("a"))));
            assertEquals(":error", c.show(Keyword.fetch(kw("a", 1), a("b"))));
            assertEquals("nil", c.show(Keyword.get(list(1), a("a"))));
        }
    }
}
