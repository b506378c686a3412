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
            procshell.runtime.term.PersistentMap inner = MapSetTerm.inner(collectable);
            for (Object e : elements) inner = inner.put(e, MapSetTerm.MARK);
            return MapSetTerm.of(inner);
        }
        if (collectable instanceof Map<?, ?> m && Structs.structOf(m) == null) {
            procshell.runtime.term.PersistentMap out = new MapTerm(m).persistent(); // O(1) for a map term
            for (Object e : elements) {
                if (!(e instanceof Tuple t && t.size() == 2)) throw new ArgumentError("argument error");
                out = out.put(t.get(0), t.get(1));
            }
            return new MapTerm(out);
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
