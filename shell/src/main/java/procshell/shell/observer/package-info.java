/**
 * Watching processes live, in the terminal: the event feed ({@code watch()}), the process list
 * ({@code processes()}), supervision trees ({@code tree(sup)}) and {@code observer()}, a
 * full-screen view in the manner of observer_cli with those views and Observer's Table Viewer.
 */
package procshell.shell.observer;
