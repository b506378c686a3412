/**
 * Watching processes live, in the terminal: the event feed ({@code watch()}), the process list
 * ({@code processes()}), supervision trees ({@code tree(sup)}) and {@code observer()}, a
 * full-screen view in the manner of observer_cli with those views, Observer's Table Viewer, a
 * Ports tab and process pages, of this node or, over rpc, of another ({@code observer(:node@host)}).
 */
package procshell.shell.observer;
