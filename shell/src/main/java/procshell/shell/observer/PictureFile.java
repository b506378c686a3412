package procshell.shell.observer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The file a picture is written to ({@code to: "file.svg"}): which format its extension asks for,
 * and the writing, whose failure reads as Elixir's {@code File.write!/2} would say it.
 */
final class PictureFile {
    /** The formats a picture is written in. */
    enum Format {
        /** An SVG document ({@code .svg}). */
        SVG,
        /** A self-contained HTML page ({@code .html}, {@code .htm}). */
        HTML,
        /** Mermaid source ({@code .mmd}, {@code .mermaid}). */
        MERMAID,
        /** Mermaid in a Markdown fenced block ({@code .md}). */
        MARKDOWN
    }

    private PictureFile() {}

    /**
     * The format of a file name, by its extension, or null when none fits.
     *
     * @param path a file name as given to {@code to:}
     */
    static Format format(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".svg")) return Format.SVG;
        if (p.endsWith(".html") || p.endsWith(".htm")) return Format.HTML;
        if (p.endsWith(".mmd") || p.endsWith(".mermaid")) return Format.MERMAID;
        if (p.endsWith(".md")) return Format.MARKDOWN;
        return null;
    }

    /**
     * Writes {@code content} to {@code path} as UTF-8, replacing the file.
     *
     * @throws IllegalArgumentException when the file cannot be written (the reason as the system gives it)
     */
    static void write(String path, String content) {
        try {
            Files.writeString(Path.of(path), content, StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("could not write " + path + ": " + e.getMessage());
        }
    }
}
