package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code import} with {@code only:} and {@code except:}, at the prompt and in a module, against
 * what iex printed for the same lines ({@code iex-reference/imports.txt}): a function the import
 * leaves out is undefined (a CompileError at the prompt, the module's own CompileError with its
 * frames, and the module not defined), the ones it brings are called. A call two imports define
 * ({@code iex-reference/ambiguous_imports.txt}: {@code length/1} after {@code import String},
 * {@code first/1} from List and String, {@code to_string/1} from Integer and Kernel's macro) is
 * Elixir's ambiguous-call CompileError, and the session goes on; in a module too, whose own
 * imports come after the prompt's (the module is then not defined), and a module's code calls
 * what the prompt imported.
 */
@Timeout(120)
class ImportsSessionTest {

    @Test
    void onlyAndExceptRestrictAnImportAsInIex() {
        IexSessionCheck.against("imports.txt").everyInput().check();
    }

    /**
     * {@code import Kernel, except: [length: 1]} takes Kernel's {@code length/1} out of scope (a
     * call is undefined, {@code Kernel.length/1} is not), a second {@code except:} takes more, an
     * {@code only:} starts anew, until Kernel is imported whole again; in a module too, whose call
     * is then its undefined local, or the function another import brings. An {@code only:} naming
     * what the module does not export ({@code Process.send/2}) is a CompileError, a macro
     * ({@code Integer.is_even/1}) is not: as iex says ({@code iex-reference/kernel_imports.txt}).
     */
    @Test
    void kernelsFunctionsLeaveScopeAndAnUndefinedImportIsAnError() {
        IexSessionCheck.against("kernel_imports.txt").everyInput().check();
    }

    @Test
    void aCallTwoImportsDefineIsAmbiguousAsInIex() {
        IexSessionCheck.against("ambiguous_imports.txt").everyInput().check();
    }
}
