package procshell.shell.elixir.reader;

/** A sigil token's value: its letter, body parts (escapes left as written), modifiers and opening delimiter. */
record Sigil(char letter, StringParts body, String modifiers, String delimiter) {
}
