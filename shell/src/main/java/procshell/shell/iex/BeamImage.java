package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The binary {@code defmodule} returns ({@code {:module, Hello, <<70, 79, 82, 49, ...>>, ...}}),
 * laid out as a BEAM file is: an IFF container {@code "FOR1"}, its size, {@code "BEAM"}, then
 * chunks. Its first chunk is the atom table ({@code "AtU8"}: the module's name, the names the
 * compiler adds such as {@code __info__}, then the module's functions), so that what iex shows
 * of it (its first 50 bytes) reads as iex's does; a last chunk {@code "JVMc"} holds the class
 * the module runs as.
 */
final class BeamImage {
    /** The atoms Elixir 1.14's compiler puts after the module's name, in its order. */
    private static final List<String> COMPILER_ATOMS = List.of("__info__", "attributes", "compile", "deprecated",
            "exports_md5", "functions", "macros", "md5", "module", "struct", "erlang", "get_module_info");

    private BeamImage() {}

    /**
     * The image of a module.
     *
     * @param module    the module's atom name, e.g. {@code Elixir.Hello}
     * @param cls       the class it runs as (its public static methods are its functions)
     * @param classBytes the class's bytes, or null when they were not recorded
     * @return the bytes: {@code "FOR1"}, size, {@code "BEAM"}, an {@code "AtU8"} chunk and a {@code "JVMc"} chunk
     */
    static byte[] of(String module, Class<?> cls, byte[] classBytes) {
        List<String> atoms = new ArrayList<>();
        atoms.add(module);
        atoms.addAll(COMPILER_ATOMS);
        TreeSet<String> functions = new TreeSet<>();
        for (Method m : cls.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()
                    && !m.getName().startsWith("$") && !m.getName().equals("main")) {
                functions.add(ShellModules.elixirName(m.getName()));
            }
        }
        atoms.addAll(functions);
        atoms.add("module_info");
        ByteArrayOutputStream atomTable = new ByteArrayOutputStream();
        int count = 0;
        for (String a : atoms) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            if (b.length > 255) continue;
            atomTable.write(b.length);
            atomTable.writeBytes(b);
            count++;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("BEAM".getBytes(StandardCharsets.US_ASCII));
        chunk(body, "AtU8", concat(int32(count), atomTable.toByteArray()));
        chunk(body, "JVMc", classBytes == null ? new byte[0] : classBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("FOR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(int32(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A chunk: its 4-letter id, its size, its data, padded to a multiple of 4 bytes. */
    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(int32(data.length));
        out.writeBytes(data);
        for (int i = data.length; i % 4 != 0; i++) out.write(0);
    }

    private static byte[] int32(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
