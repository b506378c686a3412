package procshell.shell.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the chapter files: {@code $procshell.home/tutorials} (set by {@code bin/procshell}), else
 * the nearest {@code tutorials/} folder at or above the working directory.
 */
public final class Tutorials {
    private Tutorials() {}

    /** The tutorials folder, or null when none is found. */
    public static Path directory() {
        String home = System.getProperty("procshell.home");
        if (home != null && Files.isDirectory(Path.of(home, "tutorials"))) return Path.of(home, "tutorials");
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tutorials"))) return p.resolve("tutorials");
        }
        return null;
    }

    /** The chapter files in a folder, by chapter number. */
    public static List<Path> chapterFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(ChapterParser::isChapterFile).forEach(out::add);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /**
     * The chapter with this number.
     *
     * @throws IllegalArgumentException when there is no such chapter
     */
    public static Chapter chapter(Path dir, int number) throws IOException {
        for (Path p : chapterFiles(dir)) {
            String n = p.getFileName().toString();
            if (Integer.parseInt(n.substring(0, n.indexOf('-'))) == number) return ChapterParser.parse(p);
        }
        throw new IllegalArgumentException("no chapter " + number + " in " + dir + " (procshell tutorial list shows them)");
    }
}
