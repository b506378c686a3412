package procshell.shell.iex;

import groovy.lang.GroovyObject;
import groovy.lang.MetaClass;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codehaus.groovy.runtime.InvokerHelper;
import procshell.runtime.inspect.Inspect;

/**
 * A map written {@code %{...}} at the prompt (or made by the {@code Map} functions): a
 * {@link LinkedHashMap} whose Groovy property access is Elixir's {@code map.key}: {@code m.id} is
 * the value under the atom {@code :id}, and a missing key raises
 * {@code ** (KeyError) key :b not found in: %{a: 1}} instead of giving nil.
 */
public class MapTerm extends LinkedHashMap<Object, Object> implements GroovyObject {
    private static final long serialVersionUID = 1L;
    private transient MetaClass metaClass;

    /** An empty map. */
    public MapTerm() {
    }

    /** A copy of {@code entries}, in their order. */
    public MapTerm(Map<?, ?> entries) {
        super(entries);
    }

    /**
     * Elixir's {@code map.key}: the value under the atom {@code :name}.
     *
     * @throws KeyError when the map has no such key
     */
    @Override
    public Object getProperty(String name) {
        Object key = Kernel._atom_(name);
        if (containsKey(key)) {
            return get(key);
        }
        if (containsKey(name)) {
            return get(name);
        }
        throw new KeyError("key " + Inspect.inspect(key) + " not found in: " + Inspect.inspect(this));
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
