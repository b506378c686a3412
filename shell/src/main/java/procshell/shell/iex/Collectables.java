package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Tuple;

/**
 * Elixir's {@code Collectable} protocol over the shell's terms ({@code Enum.into/2},
 * {@code for ... into:}): a list appends, a map puts {@code {key, value}} tuples, a MapSet adds
 * elements, a binary appends binaries.
 */
final class Collectables {
    private Collectables() {}

    /**
     * The collectable with the elements put in.
     *
     * @throws ArgumentError          when a map is given something other than 2-tuples
     * @throws ProtocolUndefinedError when the term is not collectable
     */
    static Object into(Object collectable, List<Object> elements) {
        if (collectable instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l);
            out.addAll(elements);
            return out;
        }
        if (MapSetTerm.is(collectable)) {
            procshell.runtime.term.PersistentMap.Builder inner = new procshell.runtime.term.PersistentMap.Builder(MapSetTerm.inner(collectable));
            for (Object e : elements) inner.put(e, MapSetTerm.MARK);
            return MapSetTerm.of(inner.build());
        }
        if (collectable instanceof Map<?, ?> m && Structs.structOf(m) == null) {
            // O(1) for a map term; the builder changes in place only the nodes it makes
            procshell.runtime.term.PersistentMap.Builder out = new procshell.runtime.term.PersistentMap.Builder(new MapTerm(m).persistent());
            for (Object e : elements) {
                if (!(e instanceof Tuple t && t.size() == 2)) throw new ArgumentError("argument error");
                out.put(t.get(0), t.get(1));
            }
            return new MapTerm(out.build());
        }
        if (procshell.runtime.node.Bitstring.isBitstring(collectable)) {
            // a bitstring collects bitstrings: into: <<>> (or "") appends each element's bits
            BitBuilder b = new BitBuilder().binary(collectable, null, 1);
            for (Object e : elements) {
                if (!procshell.runtime.node.Bitstring.isBitstring(e)) throw new ArgumentError("argument error");
                b.binary(e, null, 1);
            }
            return b.done();
        }
        throw Enumerables.notEnumerable("Collectable", collectable);
    }
}
