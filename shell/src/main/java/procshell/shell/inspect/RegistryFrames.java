package procshell.shell.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack lines iex prints under Registry's {@code ** (ArgumentError) unknown registry: R} (and
 * {@code :via is not supported for duplicate registries}, {@code invalid match specification in
 * Registry.select/2: ...}, {@code Registry.update_value/3 is not supported for duplicate registries}): the
 * helper of Elixir 1.14's {@code registry.ex} that raises it ({@code key_info!/1} or {@code info!/1})
 * and the Registry function that asked, then, for a via name, whoever looked the name up
 * ({@link ViaLookupFrames}). The runtime raises
 * the error from its own Java frames; this finds which Registry function they were.
 */
final class RegistryFrames {
    private static final String REGISTRY = StackFormatter.ELIXIR + "lib/registry.ex:";
    private static final String KEY_INFO = REGISTRY + "1382: Registry.key_info!/1";
    private static final String INFO = REGISTRY + "1373: Registry.info!/1";

    /** Each Registry function (the shell's facade method of that name): the helper it asks, and its own line. */
    private static final Map<String, List<String>> FUNCTIONS = Map.ofEntries(
            Map.entry("lookup", List.of(KEY_INFO, REGISTRY + "580: Registry.lookup/2")),
            Map.entry("register", List.of(INFO, REGISTRY + "989: Registry.register/3")),
            Map.entry("unregister", List.of(INFO, REGISTRY + "834: Registry.unregister/2")),
            Map.entry("dispatch", List.of(KEY_INFO, REGISTRY + "468: Registry.dispatch/4")),
            Map.entry("keys", List.of(INFO, REGISTRY + "702: Registry.keys/2")),
            Map.entry("values", List.of(KEY_INFO, REGISTRY + "778: Registry.values/3")),
            Map.entry("count", List.of(KEY_INFO, REGISTRY + "1165: Registry.count/1")),
            Map.entry("match", List.of(KEY_INFO, REGISTRY + "652: Registry.match/4")),
            Map.entry("select", List.of(KEY_INFO, REGISTRY + "1304: Registry.select/2")),
            Map.entry("update_value", List.of(KEY_INFO, REGISTRY + "422: Registry.update_value/3")),
            Map.entry("count_match", List.of(KEY_INFO, REGISTRY + "1234: Registry.count_match/4")),
            Map.entry("unregister_match", List.of(INFO, REGISTRY + "897: Registry.unregister_match/4")),
            Map.entry("meta", List.of(REGISTRY + "1068: Registry.meta/2")),
            Map.entry("put_meta", List.of(REGISTRY + "1103: Registry.put_meta/3")),
            Map.entry("count_select", List.of(KEY_INFO, REGISTRY + "1335: Registry.count_select/2")));

    /** The functions that check a match spec ({@code group_match_headers/2}), and their own line. */
    private static final Map<String, String> SPEC_CHECKERS = Map.of(
            "Registry.select/2", REGISTRY + "1302: Registry.select/2",
            "Registry.count_select/2", REGISTRY + "1333: Registry.count_select/2");

    private static final String FACADE = "procshell.shell.iex.Registry";
    private static final String VIA = "procshell.runtime.registry.RegistryVia";

    private RegistryFrames() {}

    /**
     * @param e an error raised at the prompt or in a process
     * @return the lines, innermost first; empty when {@code e} is no unknown registry's error
     */
    static List<String> of(Throwable e) {
        if (!(e instanceof IllegalArgumentException) || e.getMessage() == null) return List.of();
        String message = e.getMessage();
        String spec = message.startsWith("invalid match specification in ")
                ? SPEC_CHECKERS.get(message.replaceFirst("^invalid match specification in (Registry\\.\\w+/\\d+): .*", "$1")) : null;
        if (spec != null) {
            // group_match_headers/2 checks each clause of the spec in an Enum.reduce
            return List.of(REGISTRY + "1354: anonymous fn/5 in Registry.group_match_headers/2",
                    StackFormatter.ELIXIR + "lib/enum.ex:2468: Enum.\"-reduce/3-lists^foldl/2-0-\"/3",
                    REGISTRY + "1348: Registry.group_match_headers/2", spec);
        }
        if (message.startsWith("Registry.update_value/3 is not supported for ")) return List.of(REGISTRY + "441: Registry.update_value/3");
        boolean unknown = message.startsWith("unknown registry: ");
        if (!unknown && !message.startsWith(":via is not supported for ")) return List.of();
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            String cls = stack[i].getClassName();
            String method = stack[i].getMethodName();
            if (unknown && cls.equals(FACADE) && FUNCTIONS.containsKey(method)) return FUNCTIONS.get(method);
            if (cls.equals(VIA) && method.equals("whereisName")) {
                List<String> out = new ArrayList<>();
                if (unknown) out.add(KEY_INFO);
                // (a duplicate registry's refusal is whereis_name's own)
                out.add(REGISTRY + (unknown ? "227" : "240") + ": Registry.whereis_name/2");
                // who looked the via name up
                out.addAll(ViaLookupFrames.callers(stack, i + 1));
                return out;
            }
        }
        return List.of();
    }
}
