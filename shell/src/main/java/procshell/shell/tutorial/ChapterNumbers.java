package procshell.shell.tutorial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What may follow {@code procshell tutorial}, for picocli's completion script: {@code list},
 * {@code run} and the numbers of the chapters found ({@link Tutorials#directory()}).
 */
public final class ChapterNumbers implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> out = new ArrayList<>(List.of("list", "run"));
        Path dir = Tutorials.directory();
        if (dir != null) {
            try {
                for (Path p : Tutorials.chapterFiles(dir)) {
                    String n = p.getFileName().toString();
                    out.add(String.valueOf(Integer.parseInt(n.substring(0, n.indexOf('-')))));
                }
            } catch (IOException | RuntimeException e) {
                // no chapters to offer: list and run still complete
            }
        }
        return out.iterator();
    }
}
