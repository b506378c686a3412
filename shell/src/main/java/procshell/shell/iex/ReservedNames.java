package procshell.shell.iex;

import java.util.Set;

/**
 * Elixir and Erlang function names that are Java keywords ({@code :ets.new/2}, {@code :queue.new/0},
 * {@code :erlang.float/1}, {@code :erlang.throw/1}) are written with a trailing underscore in Java:
 * the method {@code new_} is the function {@code new}. {@code Bitwise}'s operators are the methods
 * of the functions they stand for: {@code &&&} is {@code band}.
 */
final class ReservedNames {
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
            "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while");

    private ReservedNames() {}

    /** Bitwise's operators and the functions they are ({@code 12 &&& 10} is {@code band(12, 10)}). */
    private static final java.util.Map<String, String> OPERATORS = java.util.Map.of("&&&", "band", "|||", "bor", "^^^", "bxor",
            "~~~", "bnot", "<<<", "bsl", ">>>", "bsr");

    /** The Java method name of a function name: {@code new} is {@code new_}, {@code &&&} is {@code band}, others unchanged. */
    static String escape(String name) {
        if (JAVA_KEYWORDS.contains(name)) return name + "_";
        return OPERATORS.getOrDefault(name, name);
    }

    /** The function name of a Java method name: {@code new_} is {@code new}, others unchanged. */
    static String unescape(String javaName) {
        if (javaName.endsWith("_")) {
            String bare = javaName.substring(0, javaName.length() - 1);
            if (JAVA_KEYWORDS.contains(bare)) return bare;
        }
        return javaName;
    }
}
