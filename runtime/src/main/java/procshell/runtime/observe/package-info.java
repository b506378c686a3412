/**
 * What an observer reads from a node without stopping it: per-process facts as the BEAM's
 * {@code process_info/2} reports them (current function, initial call, a memory estimate) and
 * cheap samples of every process for sorted process lists, their growth over a refresh interval
 * ({@link procshell.runtime.observe.ProcessWindow}), and the node's open ports
 * ({@link procshell.runtime.observe.OpenPorts}).
 */
package procshell.runtime.observe;
