package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Structs print as iex prints them ({@code iex-reference/structs.txt}): their fields in the
 * order their {@code defstruct} lists them (not sorted as a map's keys), a long one broken over
 * lines as a map is, also nested in the {@code {:module, ...}} tuple a {@code defmodule} whose
 * last expression is its {@code defstruct} returns (the struct with its defaults).
 */
@Timeout(120)
class StructsSessionTest {

    @Test
    void structsPrintInTheirDefinitionOrder() {
        IexSessionCheck.against("structs.txt").everyInput().check();
    }
}
