package procshell.shell.inspect;

import java.util.regex.Pattern;

/**
 * The safety net under {@link ErrorFormatter}: what the JVM raises on its own (a null where a value
 * was expected, a full stack, a full heap, a cast that failed) printed as the Elixir error of the
 * same kind, never with a Java class name or a Java message.
 *
 * <ul>
 * <li>{@code NullPointerException}, {@code ClassCastException}, an index out of bounds, an
 *     unsupported operation: {@code ** (ArgumentError) argument error}, as the BEAM's
 *     {@code badarg} prints (a function got an argument of the wrong type);</li>
 * <li>{@code StackOverflowError}: {@code ** (SystemLimitError)}, naming the limit (the BEAM's stack
 *     grows until memory runs out; a JVM thread's is fixed);</li>
 * <li>{@code OutOfMemoryError}: {@code ** (SystemLimitError)}, naming the heap;</li>
 * <li>anything else of Java's: {@code ** (RuntimeError)}, with its message if it names nothing of
 *     Java or Groovy.</li>
 * </ul>
 */
final class JavaErrors {
    /** A Java or Groovy class or package name in a message. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|jdk|sun|groovy|org\\.codehaus|org\\.apache|org\\.jline|picocli|procshell)\\.[\\w.$]+|\\b\\w+Exception\\b|\\b\\w+_(qm|bang)\\b");

    /** Said of a full stack: the limit and what to do. */
    static final String STACK_FULL = "a system limit has been reached (the process's stack is full: calls that are not"
            + " tail calls nest too deep for its thread; on the BEAM the stack grows until memory runs out)."
            + " Make the recursion a tail call, or use Enum.reduce/3";

    /** Said of a full heap. */
    static final String HEAP_FULL = "a system limit has been reached (the node's memory is full: the JVM heap,"
            + " see -Xmx, holds every process's data)";

    private JavaErrors() {}

    /** The Elixir exception name for a throwable of Java's own (one with no {@code @ElixirName}). */
    static String elixirName(Throwable t) {
        if (isBadArgument(t)) return "ArgumentError";
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) return "SystemLimitError";
        String n = t.getClass().getSimpleName();
        if (t.getClass().getName().startsWith("procshell.") && n.endsWith("Error") && !n.contains("$")) return n;
        return "RuntimeError";
    }

    /** The message for a throwable of Java's own: Elixir's words, never Java's. */
    static String message(Throwable t) {
        if (t instanceof StackOverflowError) return STACK_FULL;
        if (t instanceof OutOfMemoryError) return HEAP_FULL;
        String m = t.getMessage();
        if (t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                || t instanceof UnsupportedOperationException || t instanceof ArrayStoreException) {
            return "argument error";
        }
        if (m == null) return isBadArgument(t) ? "argument error" : "";
        if (JAVA_NAME.matcher(m).find()) return isBadArgument(t) ? "argument error" : "an internal error occurred";
        return m;
    }

    private static boolean isBadArgument(Throwable t) {
        return t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                || t instanceof UnsupportedOperationException || t instanceof ArrayStoreException || t instanceof IllegalArgumentException;
    }
}
