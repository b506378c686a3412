package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher keeps a session's class-data record only when the session says it was warm (its
 * marker {@code .cold} renamed {@code .warm}): after the prompt's warm-up and Groovy's compiler
 * load, in either order, and not after one of them alone (a session that quit at once).
 */
class SessionRecordTest {
    @TempDir
    Path dir;

    @Test
    void aSessionIsWarmOnlyOnceItsWarmUpIsDoneAndGroovysCompilerLoaded() throws Exception {
        Path cold = Files.createFile(dir.resolve("procshell.aotconf.123.cold"));
        Path warm = dir.resolve("procshell.aotconf.123.warm");
        SessionRecord record = new SessionRecord(cold);
        record.warmUpDone();
        assertTrue(Files.exists(cold), "the warm-up alone leaves the record cold");
        assertFalse(Files.exists(warm));
        record.compilerLoaded();
        assertFalse(Files.exists(cold));
        assertTrue(Files.exists(warm), "warm-up and compiler: the record is kept");
    }

    @Test
    void eitherOrderWarmsItAndSayingItTwiceChangesNothing() throws Exception {
        Path cold = Files.createFile(dir.resolve("procshell-42.aotconf.7.cold"));
        SessionRecord record = new SessionRecord(cold);
        record.compilerLoaded();
        assertTrue(Files.exists(cold), "the compiler alone leaves the record cold");
        record.warmUpDone();
        record.compilerLoaded();
        assertTrue(Files.exists(dir.resolve("procshell-42.aotconf.7.warm")));
        assertFalse(Files.exists(cold));
    }
}
