package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported pictures as a person sees them: a kill and restart traced to SVG and HTML, and the
 * tree of {@link Trees} exported to SVG and HTML, opened in headless Chromium and screenshot to
 * PNG; each screenshot must show a drawing (many colours, a luminance variance far from a blank
 * page's). Skipped when {@code /usr/bin/chromium} is absent ({@code .ci/run} installs it).
 *
 * <p>With {@code -Dprocshell.pictures=DIR} the screenshots are also copied to DIR (how
 * {@code docs/pictures/} was made).
 */
@Timeout(180)
class PicturesInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theExportedPicturesRenderInABrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install chromium)");
        Path traceSvg = dir.resolve("trace-restart.svg"), traceHtml = dir.resolve("trace-restart.html");
        Path treeSvg = dir.resolve("tree.svg"), treeHtml = dir.resolve("tree.html");
        // Keeper monitors Counter: the kill traced shows Keeper's :DOWN; then Keeper monitors the new Counter for the tree.
        TraceSessions.run(TraceSessions.then(Trees.KEEPER_AND_COUNTER,
                "old = Process.whereis(Counter)",
                TraceSessions.trace(TraceSessions.KILL, "to: \"" + traceSvg + "\""),
                "is_reference(GenServer.call(Keeper, :watch)); old = Process.whereis(Counter)",
                TraceSessions.trace(TraceSessions.KILL, "to: \"" + traceHtml + "\""),
                "is_reference(GenServer.call(Keeper, :watch))",
                "tree(Sup, to: \"" + treeSvg + "\")", "tree(Sup, to: \"" + treeHtml + "\")"));
        for (Path picture : List.of(traceSvg, traceHtml, treeSvg, treeHtml)) {
            Path png = screenshot(picture);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth(), png.toString());
            assertDrawn(image, png);
            String to = System.getProperty("procshell.pictures");
            if (to != null) Files.copy(png, Path.of(to).resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Opens the file in headless Chromium (a fresh profile, nothing fetched) and returns its screenshot. */
    private Path screenshot(Path picture) throws Exception {
        String name = picture.getFileName().toString().replace('.', '-') + ".png";
        Path png = dir.resolve(name);
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,800", picture.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.size(png) > 0, () -> "no screenshot: " + read(dir.resolve(name + ".log").toFile()));
        return png;
    }

    /** A blank page has one colour and no variance; a drawing has lines, boxes and coloured text. */
    private static void assertDrawn(BufferedImage image, Path png) {
        Set<Integer> colours = new HashSet<>();
        double sum = 0, sumSq = 0;
        long n = 0, coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                double lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                sum += lum;
                sumSq += lum * lum;
                n++;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
            }
        }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        assertTrue(colours.size() > 20, png + ": only " + colours.size() + " colours");
        assertTrue(variance > 100, png + ": luminance variance " + variance);
        assertTrue(coloured > 50, png + ": " + coloured + " coloured pixels");
    }

    private static String read(File f) {
        try {
            return Files.readString(f.toPath());
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
