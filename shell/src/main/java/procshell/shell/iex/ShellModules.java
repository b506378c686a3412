package procshell.shell.iex;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The modules and functions a person reaches at the prompt, found by reflection so that a module
 * added to this package (or to {@link ErlangModules}) shows in completion and {@code h()} without
 * further edits: every public top-level class of {@code procshell.shell.iex} with public static
 * functions is an Elixir module (named by {@link ElixirName} or its simple name), except
 * exceptions and the shell's own plumbing; {@link Kernel}'s functions are the ones called
 * without a module.
 *
 * <p>Java names map to Elixir's: {@code alive_qm} is {@code alive?}, {@code fetch_bang} is
 * {@code fetch!}, {@code new_} is {@code new}; names starting with {@code _} are translation targets and not shown.
 */
public final class ShellModules {
    /** Public classes of the package that are plumbing, not modules a person calls. */
    private static final Set<String> INTERNAL = Set.of("Kernel", "IexSession", "Modules", "TableViewer", "ShellModules", "Ops",
            "IexHelpers", "DocFacts", "IexConfig", "BitBuilder", "BitReader", "FunctionClauses", "CapturedFun", "Operators");

    private ShellModules() {}

    /**
     * A module at the prompt.
     *
     * @param name the name as typed: {@code Registry}, {@code String}, {@code :ets}
     * @param cls  the class whose public static methods are its functions
     */
    public record Module(String name, Class<?> cls) {
        /** The module's functions, sorted by name then arity. */
        public List<Function> functions() {
            return ShellModules.functions(cls);
        }

        /** True for an Erlang module ({@code :ets}). */
        public boolean erlang() {
            return name.startsWith(":");
        }
    }

    /**
     * A function of a module: one name and arity (overloads of one arity are one function).
     *
     * @param name   the Elixir name, e.g. {@code alive?}
     * @param arity  the number of arguments
     * @param method the Java method behind it (the first overload of that arity)
     */
    public record Function(String name, int arity, Method method) {}

    private static final class Holder {
        static final List<Module> ELIXIR = scanElixirModules();
    }

    /** The simple names of the package's top-level classes, listed once (no class is loaded for it). */
    private static final class ClassNames {
        static final List<String> ALL = classNamesOfPackage();
    }

    /** The Elixir-named modules (GenServer, Registry, String, ...), sorted by name. */
    public static List<Module> elixirModules() {
        return Holder.ELIXIR;
    }

    /** The Erlang modules reachable as {@code :mod.fun()}, sorted by name. */
    public static List<Module> erlangModules() {
        List<Module> out = new ArrayList<>();
        new TreeMap<>(ErlangModules.modules()).forEach((n, c) -> out.add(new Module(":" + n, c)));
        return out;
    }

    /** Every module, Elixir's then Erlang's. */
    public static List<Module> all() {
        List<Module> out = new ArrayList<>(elixirModules());
        out.addAll(erlangModules());
        return out;
    }

    /**
     * The module of this name as typed ({@code Registry}, {@code :ets}), or of this class.
     *
     * @return the module, or null when there is none
     */
    public static Module find(Object nameOrClass) {
        if (nameOrClass instanceof String name) return NAMED.computeIfAbsent(name, n -> java.util.Optional.ofNullable(named(n))).orElse(null);
        for (Module m : all()) {
            if (m.name().equals(nameOrClass) || m.cls() == nameOrClass) return m;
        }
        return null;
    }

    /**
     * {@link #named}'s answers, by name: the package's classes never change, and a name was
     * looked up again for each new call planned and each completion (0.1 ms a look: a loop over the
     * package's class names).
     */
    private static final Map<String, java.util.Optional<Module>> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The module of this name, found without listing the package (which loads every class of it:
     * a script's first call of {@code IO.puts} would pay for them all): an Erlang module by its
     * table, an Elixir one by the classes its name can be, its segments joined, in any case, bare
     * or after {@code Elixir} ({@code IO}, {@code ElixirString} for {@code String},
     * {@code IoAnsi} for {@code IO.ANSI}), held to the same rules as {@link #elixirModules}.
     */
    private static Module named(String name) {
        if (name.startsWith(":")) {
            Class<?> c = ErlangModules.modules().get(name.substring(1));
            return c == null ? null : new Module(name, c);
        }
        String simple = name.replace(".", "");
        Module found = null; // the last of the sorted names wins, as in the listing
        for (String candidate : ClassNames.ALL) {
            if (INTERNAL.contains(candidate) || !candidate.equalsIgnoreCase(simple) && !candidate.equalsIgnoreCase("Elixir" + simple)) continue;
            try {
                Class<?> c = Class.forName(Kernel.class.getPackageName() + "." + candidate, false, Kernel.class.getClassLoader());
                if (isModule(c) && Modules.moduleName(c).equals(name)) found = new Module(name, c);
            } catch (ClassNotFoundException | LinkageError e) {
                // not this candidate
            }
        }
        return found;
    }

    /** True for a class of the package that is a module a person calls (not an exception, a record, ...). */
    private static boolean isModule(Class<?> c) {
        return Modifier.isPublic(c.getModifiers()) && !c.isInterface() && !c.isAnnotation() && !c.isEnum() && !c.isRecord()
                && !Throwable.class.isAssignableFrom(c) && !functions(c).isEmpty();
    }

    /** The functions callable without a module (Kernel's and iex's helpers, the observer's). */
    public static List<Function> kernelFunctions() {
        // iex's helpers first: they win over a Kernel function of the same name and arity (pid/1)
        Map<String, Function> byKey = new LinkedHashMap<>();
        for (Class<?> c : List.of(IexHelpers.class, Kernel.class, procshell.shell.observer.ObserverHelpers.class)) {
            for (Function f : functions(c)) byKey.putIfAbsent(f.name() + "/" + f.arity(), f);
        }
        List<Function> all = new java.util.ArrayList<>(byKey.values());
        all.sort(java.util.Comparator.comparing(Function::name).thenComparingInt(Function::arity));
        return List.copyOf(all);
    }

    /**
     * A class's public static functions under their Elixir names, sorted by name then arity. Listed
     * once per class (a class's methods never change): planning each new call of a facade, finding
     * a module by name and completing listed them again.
     */
    public static List<Function> functions(Class<?> cls) {
        return FUNCTIONS.get(cls);
    }

    private static final ClassValue<List<Function>> FUNCTIONS = new ClassValue<>() {
        @Override
        protected List<Function> computeValue(Class<?> cls) {
            return listFunctions(cls);
        }
    };

    private static List<Function> listFunctions(Class<?> cls) {
        Map<String, Function> byKey = new LinkedHashMap<>();
        Method[] methods;
        try {
            methods = cls.getDeclaredMethods();
        } catch (LinkageError e) {
            return List.of();
        }
        for (Method m : methods) {
            int mod = m.getModifiers();
            if (!Modifier.isPublic(mod) || !Modifier.isStatic(mod) || m.isSynthetic() || m.getName().startsWith("_")
                    || m.getName().contains("$") || m.getName().equals("main")) continue;
            String name = elixirName(m.getName());
            int arity = m.getParameterCount();
            byKey.putIfAbsent(name + "/" + arity, new Function(name, arity, m));
        }
        List<Function> out = new ArrayList<>(byKey.values());
        // by "name/" then arity: fetch!/2 before fetch/2, as ever
        out.sort(Comparator.comparing((Function f) -> f.name() + "/").thenComparingInt(Function::arity));
        return List.copyOf(out);
    }

    /** A Java method name as Elixir writes it: {@code alive_qm} is {@code alive?}, {@code x_bang} {@code x!}. */
    public static String elixirName(String javaName) {
        javaName = ReservedNames.unescape(javaName);
        if (javaName.endsWith("_qm")) return javaName.substring(0, javaName.length() - 3) + "?";
        if (javaName.endsWith("_bang")) return javaName.substring(0, javaName.length() - 5) + "!";
        if (javaName.equals("new_")) return "new"; // a Java keyword: MapSet.new/1 is new_
        return javaName;
    }

    private static List<Module> scanElixirModules() {
        Map<String, Module> out = new TreeMap<>();
        for (String simple : ClassNames.ALL) {
            if (INTERNAL.contains(simple)) continue;
            Class<?> c;
            try {
                c = Class.forName(Kernel.class.getPackageName() + "." + simple, false, Kernel.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (!isModule(c)) continue;
            String name = Modules.moduleName(c);
            if (name.startsWith(":")) continue; // an Erlang module: listed by ErlangModules
            out.put(name, new Module(name, c));
        }
        return List.copyOf(out.values());
    }

    /** The simple names of the top-level classes compiled into this package (directory or jar). */
    private static List<String> classNamesOfPackage() {
        String dir = Kernel.class.getPackageName().replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Path where = Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.list(where.resolve(dir))) {
                    files.map(p -> p.getFileName().toString()).forEach(n -> addClassName(n, names));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
                            .forEach(n -> addClassName(n.substring(dir.length()), names));
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            // No code source to list (an unusual class loader): only what the Erlang table names.
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static void addClassName(String file, List<String> names) {
        if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
            names.add(file.substring(0, file.length() - ".class".length()));
        }
    }

    /** Functions grouped by name, each with its arities, in name order. */
    public static Map<String, List<Integer>> aritiesByName(List<Function> functions) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (Function f : functions) out.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.arity());
        return out;
    }
}
