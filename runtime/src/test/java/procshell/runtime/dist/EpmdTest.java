package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import procshell.runtime.process.Await;

/**
 * The port mapper protocol both ways: procshell's client against the real {@code epmd} (on a port
 * of its own, killed afterwards), and the real {@code epmd -names} client against procshell's
 * embedded port mapper.
 */
class EpmdTest {
    private static String epmd() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "epmd");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void theEmbeddedPortMapperRegistersFindsAndForgets() throws IOException {
        int port = DistTestSupport.freePort();
        try (PortMapper mapper = PortMapper.start(port)) {
            EpmdClient client = new EpmdClient("localhost", port);
            EpmdClient.Registration reg = client.register("alpha", 40001);
            assertEquals(40001, client.portPlease("alpha"));
            assertEquals(-1, client.portPlease("beta"));
            assertEquals(Map.of("alpha", 40001), client.names());
            IOException taken = assertThrows(IOException.class, () -> client.register("alpha", 40002));
            assertEquals("the name alpha seems to be in use by another Erlang node", taken.getMessage());
            reg.close();
            Await.until("alpha unregistered when its connection closes", () -> mapper.names().isEmpty());
        }
    }

    @Test
    void procshellTalksToTheRealEpmdAndEpmdToProcshell() throws Exception {
        String epmd = epmd();
        if (epmd == null) System.out.println("EpmdTest: no epmd on PATH; the real-epmd half is skipped");
        Assumptions.assumeTrue(epmd != null, "no epmd on PATH");
        int port = DistTestSupport.freePort();
        run(epmd, "-port", Integer.toString(port), "-daemon");
        try {
            EpmdClient client = new EpmdClient("localhost", port);
            Await.until("epmd is up", () -> {
                try {
                    client.names();
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            try (EpmdClient.Registration reg = client.register("gamma", 40003)) {
                assertTrue(reg.creation() != 0);
                assertEquals(40003, client.portPlease("gamma"));
                assertTrue(run(epmd, "-port", Integer.toString(port), "-names").contains("name gamma at port 40003"));
            }
        } finally {
            run(epmd, "-port", Integer.toString(port), "-kill");
        }
        // And the other way round: epmd's own client asks procshell's port mapper.
        int ours = DistTestSupport.freePort();
        try (PortMapper mapper = PortMapper.start(ours); EpmdClient.Registration reg = new EpmdClient("localhost", ours).register("delta", 40004)) {
            String names = run(epmd, "-port", Integer.toString(ours), "-names");
            assertTrue(names.contains("name delta at port 40004"), names);
        }
    }
}
