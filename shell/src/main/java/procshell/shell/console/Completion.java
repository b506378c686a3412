package procshell.shell.console;

/**
 * One thing Tab may complete to.
 *
 * @param value   what replaces the fragment typed before the cursor ({@code Enum.map_join})
 * @param display how the list shows it, as iex lists it ({@code map_join/2}, {@code Registry},
 *                {@code gen_server} for {@code :gen_server})
 */
record Completion(String value, String display) {}
