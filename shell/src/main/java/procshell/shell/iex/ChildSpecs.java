package procshell.shell.iex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codehaus.groovy.runtime.InvokerHelper;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.ChildSpec;
import procshell.shell.eval.Values;

/**
 * Child specs as typed at the prompt, turned into runtime terms: {@code {HelloServer, 123}} and
 * {@code HelloServer} become the class's {@code child_spec(arg)} (or, as {@code use GenServer}
 * defines it, {@code %{id: HelloServer, start: {HelloServer, :start_link, [123]}}}); maps with
 * atom or string keys are taken as they are.
 */
final class ChildSpecs {
    private static final Atom START_LINK = Atom.of("start_link");

    private ChildSpecs() {}

    /** Converts each child of a list. */
    static List<Object> all(IexSession s, List<?> children) {
        List<Object> out = new ArrayList<>(children.size());
        for (Object c : children) out.add(of(s, c));
        return out;
    }

    /** One child spec term, as Elixir's {@code Supervisor.child_spec/2} normalises it. */
    static Object of(IexSession s, Object child) {
        Object c = Values.normalize(child);
        if (c instanceof Class<?> cls) return moduleSpec(s, cls, List.of());
        if (c instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Class<?> cls) return moduleSpec(s, cls, t.get(1));
        if (c instanceof Map<?, ?> m) return mapSpec(s, m);
        return s.modules().nameTerm(c);
    }

    private static Object moduleSpec(IexSession s, Class<?> cls, Object arg) {
        Atom module = s.modules().atomOf(cls);
        if (hasStatic(cls, "child_spec")) {
            return of(s, InvokerHelper.invokeStaticMethod(cls, "child_spec", new Object[] {arg}));
        }
        Map<Object, Object> spec = new LinkedHashMap<>();
        spec.put(Atom.of("id"), module);
        spec.put(Atom.of("start"), Tuple.of(module, START_LINK, List.of(arg)));
        return spec;
    }

    private static Object mapSpec(IexSession s, Map<?, ?> m) {
        Map<Object, Object> spec = new LinkedHashMap<>();
        m.forEach((k, v) -> spec.put(k instanceof String str ? Atom.of(str) : k, s.modules().nameTerm(v)));
        return spec;
    }

    private static boolean hasStatic(Class<?> cls, String name) {
        for (java.lang.reflect.Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) return true;
        }
        return false;
    }

    /** Runs a child spec's {@code {module, function, args}} start: a static function of a typed class. */
    static ChildSpec.Resolver resolver(IexSession s) {
        return (module, function, args) -> {
            Class<?> cls = s.modules().classOf(module);
            if (cls == null) {
                throw new UndefinedFunctionError("function " + procshell.runtime.inspect.Inspect.inspect(module) + "." + function.name()
                        + "/" + args.size() + " is undefined (module " + procshell.runtime.inspect.Inspect.inspect(module) + " is not available)");
            }
            return Values.normalize(InvokerHelper.invokeStaticMethod(cls, function.name(), args.toArray()));
        };
    }
}
