package procshell.runtime.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The magic cookie that guards a node, as the BEAM finds it: the {@code --cookie} given, else the
 * contents of {@code ~/.erlang.cookie}, which is created (20 random capital letters, mode 0400)
 * when missing; and the handshake's MD5 digest over it.
 */
public final class Cookie {
    private Cookie() {}

    /**
     * The cookie to use.
     *
     * @param explicit the {@code --cookie} value, or null
     * @param home     the home directory holding {@code .erlang.cookie}
     * @return the cookie text
     * @throws IOException when the cookie file cannot be read or created
     */
    public static String resolve(String explicit, Path home) throws IOException {
        if (explicit != null) return explicit;
        Path file = home.resolve(".erlang.cookie");
        if (Files.exists(file)) return Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) b.append((char) ('A' + random.nextInt(26)));
        String cookie = b.toString();
        Files.writeString(file, cookie, StandardCharsets.ISO_8859_1);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the BEAM does not restrict it there either
        }
        return cookie;
    }

    /** The cookie from {@code --cookie} or {@code ~/.erlang.cookie} in the user's home. */
    public static String resolve(String explicit) throws IOException {
        return resolve(explicit, Path.of(System.getProperty("user.home")));
    }

    /**
     * The handshake digest: {@code MD5(cookie ++ integer_to_list(challenge))}, the challenge read
     * as an unsigned 32-bit integer.
     */
    static byte[] digest(int challenge, String cookie) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(cookie.getBytes(StandardCharsets.ISO_8859_1));
            md5.update(Integer.toUnsignedString(challenge).getBytes(StandardCharsets.ISO_8859_1));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5", e);
        }
    }
}
