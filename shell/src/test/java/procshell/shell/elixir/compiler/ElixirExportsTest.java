package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import procshell.shell.elixir.ElixirExports;

/**
 * The table of Elixir's exports ({@link ElixirExports}) is what the real Elixir says: its
 * generating script run on the Elixir installed prints it line for line.
 */
class ElixirExportsTest {

    @Test
    void theTableIsWhatElixirExports() throws Exception {
        Path script = Path.of(ElixirExportsTest.class.getResource("/elixir-exports.exs").toURI());
        Process p = new ProcessBuilder("elixir", script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String elixir = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String table;
        try (InputStream in = ElixirExports.class.getResourceAsStream("elixir-exports.txt")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(elixir, table);
    }

    @Test
    void aModuleHasItsFunctionsAndMacrosAndAnErlangModuleIsNotKnown() {
        assertTrue(ElixirExports.of("Elixir.Process").contains("send/3"));
        assertTrue(!ElixirExports.of("Elixir.Process").contains("send/2"));
        assertTrue(ElixirExports.of("Elixir.Integer").contains("is_even/1"));
        assertTrue(ElixirExports.of("Elixir.Kernel").containsAll(List.of("length/1", "if/2")));
        assertNotNull(ElixirExports.of("Elixir.Logger"));
        assertNull(ElixirExports.of("lists"));
    }

    /** Kernel's functions and macros apart: {@code &inspect/1} is a remote capture, {@code &to_string/1} a fn. */
    @Test
    void kernelsFunctionsAndMacrosAreTold() {
        assertTrue(ElixirExports.isKernelFunction("inspect", 1) && !ElixirExports.isKernelMacro("inspect", 1));
        assertTrue(ElixirExports.isKernelMacro("to_string", 1) && !ElixirExports.isKernelFunction("to_string", 1));
        assertTrue(ElixirExports.isKernelMacro("|>", 2) && ElixirExports.isKernelFunction("length", 1));
        assertTrue(!ElixirExports.isKernelFunction("length", 2) && !ElixirExports.isKernelMacro("length", 2));
    }
}
