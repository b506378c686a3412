package procshell.shell.elixir.erl;

/**
 * A form that has no translation between Elixir's quoted form and Erlang's abstract format here
 * (a {@code for}, a {@code try}, a macro this translator does not expand, an Erlang construct
 * with no Elixir counterpart): the fn then keeps what it did before (a fun of {@code :iex}, or an
 * opaque fun that fails with {@code :undef}).
 */
final class Untranslatable extends RuntimeException {
    static final Untranslatable INSTANCE = new Untranslatable();

    private Untranslatable() {
        super(null, null, false, false);
    }
}
