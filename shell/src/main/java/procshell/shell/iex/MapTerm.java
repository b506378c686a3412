package procshell.shell.iex;

import groovy.lang.GroovyObject;
import groovy.lang.MetaClass;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.codehaus.groovy.runtime.InvokerHelper;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.term.PersistentMap;
import procshell.runtime.term.TermKeys;
import procshell.runtime.term.TermMap;

/**
 * A map written {@code %{...}} at the prompt (or made by the {@code Map} functions): a
 * {@link java.util.Map} over a {@link PersistentMap}, whose Groovy property access is Elixir's
 * {@code map.key}: {@code m.id} is the value under the atom {@code :id}, and a missing key raises
 * {@code ** (KeyError) key :b not found in: %{a: 1}} instead of giving nil.
 *
 * <p>A map term is a value: once handed out (bound, returned, sent) it is never changed. Code that
 * makes a map takes a fresh one ({@code new MapTerm()}, or {@code new MapTerm(m)}, which shares
 * {@code m}'s entries in O(1)) and {@link #put}s into it before handing it out; each put costs
 * O(log n) and leaves every other map that shared the entries as it was. {@link #with} and
 * {@link #without} give the changed map as a new term in one step. Keys are Erlang's exact
 * equality ({@code 1} and {@code 1.0} are two keys). Iteration is in term order up to 32 keys,
 * as the BEAM's (such a map is kept flat and sorted, so iterating it sorts nothing), and follows
 * the hash trie above: what shows a map sorts it ({@link Inspect#sortedEntries}).
 */
public class MapTerm extends AbstractMap<Object, Object> implements GroovyObject, TermMap {
    private static final Object ABSENT = new Object();

    private PersistentMap map;
    private transient MetaClass metaClass;

    /** An empty map. */
    public MapTerm() {
        map = PersistentMap.EMPTY;
    }

    /** A copy of {@code entries}: O(1) for a map term (they share their entries), else one put each. */
    public MapTerm(Map<?, ?> entries) {
        if (entries instanceof TermMap t) {
            map = t.persistent();
        } else {
            PersistentMap m = PersistentMap.EMPTY;
            for (Map.Entry<?, ?> e : entries.entrySet()) m = m.put(e.getKey(), e.getValue());
            map = m;
        }
    }

    /** The map term holding exactly these entries. */
    public MapTerm(PersistentMap map) {
        this.map = map;
    }

    /** The map term holding exactly these entries. */
    static MapTerm of(PersistentMap map) {
        return new MapTerm(map);
    }

    /** The immutable entries this term holds. */
    @Override
    public PersistentMap persistent() {
        return map;
    }

    /** A new map term with {@code key} mapped to {@code value} ({@code Map.put/3}); this one is unchanged. */
    public MapTerm with(Object key, Object value) {
        return new MapTerm(map.put(key, value));
    }

    /** A new map term without {@code key} ({@code Map.delete/2}); this one is unchanged. */
    public MapTerm without(Object key) {
        return new MapTerm(map.remove(key));
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public Object get(Object key) {
        return map.get(key, null);
    }

    @Override
    public Object getOrDefault(Object key, Object fallback) {
        return map.get(key, fallback);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    /** Puts into this map while it is being made (see the class comment); O(log n). */
    @Override
    public Object put(Object key, Object value) {
        Object old = map.get(key, null);
        map = map.put(key, value);
        return old;
    }

    /** Removes from this map while it is being made (see the class comment); O(log n). */
    @Override
    public Object remove(Object key) {
        Object old = map.get(key, null);
        map = map.remove(key);
        return old;
    }

    @Override
    public void clear() {
        map = PersistentMap.EMPTY;
    }

    /**
     * The entries (immutable) in the BEAM's order for a map of up to 32 keys, term order (integers
     * before floats), as {@code :maps.to_list/1} gives them; a bigger map's in the hash trie's order.
     * Removal through the iterator works.
     */
    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                Iterator<Map.Entry<Object, Object>> it = map.iterator(); // a small map is kept in that order
                return new Iterator<>() {
                    private Map.Entry<Object, Object> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<Object, Object> next() {
                        return last = it.next();
                    }

                    @Override
                    public void remove() {
                        if (last == null) throw new IllegalStateException();
                        MapTerm.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return map.size();
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof Map.Entry<?, ?> e && map.containsKey(e.getKey())
                        && TermKeys.equal(map.get(e.getKey(), ABSENT), e.getValue());
            }
        };
    }

    /** Calls {@code action} with every key and value, in the order of {@link #entrySet}, without making entries. */
    @Override
    public void forEach(java.util.function.BiConsumer<? super Object, ? super Object> action) {
        map.forEach(action::accept);
    }

    /** Equal to a map with exactly equal keys and values ({@code ===}). */
    @Override
    public boolean equals(Object o) {
        if (o instanceof TermMap t) return map.equals(t.persistent());
        return o instanceof Map<?, ?> && TermKeys.equal(this, o);
    }

    /** Consistent with {@link #equals}: {@link TermKeys#hash} of the map, computed once per content. */
    @Override
    public int hashCode() {
        return map.hashCode();
    }

    /**
     * Elixir's {@code map.key}: the value under the atom {@code :name}.
     *
     * @throws KeyError when the map has no such key
     */
    @Override
    public Object getProperty(String name) {
        Object key = Kernel._atom_(name);
        Object v = map.get(key, ABSENT);
        if (v != ABSENT) return v;
        v = map.get(name, ABSENT);
        if (v != ABSENT) return v;
        throw KeyError.badkeyIn(key, this);
    }

    /** {@code m[key]}: the value under the key or nil, as Elixir's {@code Access} ({@code m[:a]}). */
    public Object getAt(Object key) {
        return get(key);
    }

    /** {@code m["key"]}: the value under the string key or nil (not {@code :key}, as in Elixir). */
    public Object getAt(String key) {
        return get(key);
    }

    /** {@code m[key] = value}, as Groovy's map subscript assignment. */
    public void putAt(Object key, Object value) {
        put(key, value);
    }

    /** {@code m["key"] = value}: puts under the string key. */
    public void putAt(String key, Object value) {
        put(key, value);
    }

    /** As Groovy's {@code map.name = value}: puts the value under the atom {@code :name}. */
    @Override
    public void setProperty(String name, Object value) {
        put(Kernel._atom_(name), value);
    }

    /** Method calls go to the map's methods as for any Java object. */
    @Override
    public Object invokeMethod(String name, Object args) {
        return getMetaClass().invokeMethod(this, name, args);
    }

    /** The Groovy meta class of this class. */
    @Override
    public MetaClass getMetaClass() {
        if (metaClass == null) {
            metaClass = InvokerHelper.getMetaClass(getClass());
        }
        return metaClass;
    }

    /** Replaces the Groovy meta class. */
    @Override
    public void setMetaClass(MetaClass metaClass) {
        this.metaClass = metaClass;
    }
}
