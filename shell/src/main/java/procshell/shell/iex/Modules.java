package procshell.shell.iex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.codehaus.groovy.runtime.InvokerHelper;

import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * Classes typed at the prompt seen as Elixir modules: {@code HelloServer} is the atom
 * {@code :"Elixir.HelloServer"}. Converting a class to its atom remembers the class, so that a
 * module atom in a term ({@code {:via, MyRegistry, key}}, a child spec's start) can be called.
 */
public final class Modules {
    private final Node node;
    private final Map<Atom, Class<?>> classes = new ConcurrentHashMap<>();

    Modules(Node node) {
        this.node = node;
    }

    /**
     * The module atom of a class, e.g. {@code :"Elixir.HelloServer"}; a class with the static
     * functions of a via module ({@code register_name/2}, {@code unregister_name/1},
     * {@code whereis_name/1}, {@code send/2}) becomes usable in via tuples.
     */
    public Atom atomOf(Class<?> cls) {
        String n = moduleName(cls);
        Atom a = node.atoms().intern(n.startsWith(":") ? n.substring(1) : "Elixir." + n);
        Class<?> prev = classes.put(a, cls);
        if (prev != cls && isViaModule(cls)) node.registerVia(a, new ClassViaModule(cls));
        return a;
    }

    /** The class behind a module atom, or null. */
    public Class<?> classOf(Atom module) {
        return classes.get(module);
    }

    /** The Elixir-style name of a class: facade classes keep their Elixir names. */
    public static String moduleName(Class<?> cls) {
        ElixirName n = cls.getAnnotation(ElixirName.class);
        return n != null ? n.value() : cls.getSimpleName();
    }

    private static boolean isViaModule(Class<?> cls) {
        boolean reg = false, unreg = false, where = false;
        for (java.lang.reflect.Method m : cls.getMethods()) {
            if (!java.lang.reflect.Modifier.isStatic(m.getModifiers())) continue;
            switch (m.getName()) {
                case "register_name" -> reg |= m.getParameterCount() == 2;
                case "unregister_name" -> unreg |= m.getParameterCount() == 1;
                case "whereis_name" -> where |= m.getParameterCount() == 1;
                default -> { }
            }
        }
        return reg && unreg && where;
    }

    /** A class typed at the prompt, used as a via module through its static functions. */
    private record ClassViaModule(Class<?> cls) implements ViaModule {
        @Override
        public boolean registerName(Object name, Pid pid) {
            Object r = InvokerHelper.invokeStaticMethod(cls, "register_name", new Object[] {name, pid});
            return Atom.YES.equals(r) || Boolean.TRUE.equals(r);
        }

        @Override
        public void unregisterName(Object name) {
            InvokerHelper.invokeStaticMethod(cls, "unregister_name", new Object[] {name});
        }

        @Override
        public Pid whereisName(Object name) {
            Object r = InvokerHelper.invokeStaticMethod(cls, "whereis_name", new Object[] {name});
            return r instanceof Pid p ? p : null;
        }

        @Override
        public Pid send(Object name, Object message) {
            for (java.lang.reflect.Method m : cls.getMethods()) {
                if (m.getName().equals("send") && m.getParameterCount() == 2
                        && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    InvokerHelper.invokeStaticMethod(cls, "send", new Object[] {name, message});
                    return whereisName(name);
                }
            }
            return ViaModule.super.send(name, message);
        }
    }

    /** Converts a shell value used as a process name into a runtime name term (classes to atoms, deeply in tuples). */
    public Object nameTerm(Object name) {
        if (name instanceof Class<?> c) return atomOf(c);
        if (name instanceof Tuple t) {
            Object[] out = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) out[i] = nameTerm(t.get(i));
            return Tuple.of(out);
        }
        return procshell.shell.eval.Values.normalize(name);
    }
}
