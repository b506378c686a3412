package procshell.shell.tutorial;

import java.nio.file.Path;
import java.util.List;

/**
 * A tutorial chapter: a plain text file under {@code tutorials/}, named {@code NN-slug.txt}.
 *
 * @param number the chapter number (from the file name)
 * @param title  the first line, without its {@code #}
 * @param steps  the steps, in order
 * @param file   where it was read from
 */
public record Chapter(int number, String title, List<Step> steps, Path file) {}
