package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * {@link ShellModules#find} by name, which does not list the package, finds the module the
 * package's listing ({@link ShellModules#all}) has under that name, and nothing for a name that
 * is none.
 */
class ShellModulesFindTest {
    @Test
    void everyListedModuleIsFoundByItsName() {
        for (ShellModules.Module m : ShellModules.all()) {
            ShellModules.Module found = ShellModules.find(m.name());
            assertNotNull(found, m.name());
            assertEquals(m.cls(), found.cls(), m.name());
        }
    }

    @Test
    void otherNamesAreNoModule() {
        for (String name : new String[] {"Hello", "Ops", "Kernel.Nope", ":nope", "Modules", "ShellModules", "MatchError"}) {
            assertNull(ShellModules.find(name), name);
        }
    }
}
