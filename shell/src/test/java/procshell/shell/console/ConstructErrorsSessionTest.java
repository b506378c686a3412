package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed {@code if}, {@code unless}, {@code cond}, {@code try} and {@code with} against what
 * iex printed for the same lines ({@code iex-reference/construct_errors.txt}): Kernel's
 * {@code if}/{@code unless} raise ArgumentError with the macro's frames (the last one
 * {@code (file)} at the prompt, {@code IfBad.f/0} in a module) for clauses other than {@code do}
 * and an optional {@code else}, a third argument is {@code undefined function if/3}, and the
 * constructs' clauses that are no {@code ->} clauses are Elixir's CompileErrors, with their
 * {@code :lists.mapfoldl_1/3} frames, as are captures that skip an argument ({@code &(&1 + &3)})
 * or number one 0, with {@code :elixir_fn}'s frames; well-formed lines around them still evaluate.
 */
@Timeout(120)
class ConstructErrorsSessionTest {

    @Test
    void malformedConstructsFailAsInIex() {
        IexSessionCheck.against("construct_errors.txt").everyInput().check();
    }
}
