package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ZeroArityCalls}: which member names the translation turns into calls. */
class ZeroArityCallsTest {
    @Test
    void aShellModulesFunctionOfArityZeroIsCalled() {
        assertEquals("Node.self()", IexSyntax.translate("Node.self"));
        assertEquals("_erl_(\"math\").pi()", IexSyntax.translate(":math.pi"));
        assertEquals("Node.alive_qm()", IexSyntax.translate("Node.alive?"));
        assertEquals("Node.self() == node()", IexSyntax.translate("Node.self == node()"));
    }

    @Test
    void anythingElseStaysGroovysPropertyAccess() {
        assertEquals("Node.self()", IexSyntax.translate("Node.self()"), "already a call");
        assertEquals("x.a", IexSyntax.translate("x.a"), "a map's key");
        assertEquals("HelloServer.hello", IexSyntax.translate("HelloServer.hello"), "a class typed at the prompt is not known");
        assertEquals("Node.connect", IexSyntax.translate("Node.connect"), "no arity 0");
    }

    @Test
    void aQuestionMarkEndingANameEndsTheInput() {
        assertTrue(IexSyntax.isComplete("Node.alive?"));
        assertFalse(IexSyntax.isComplete("y = x ?"), "a ternary's ? still continues");
    }
}
