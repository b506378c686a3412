package procshell.shell.eval;

/**
 * The console's part of the prompt's warm-up ({@link PromptWarmUp}), which only the console
 * knows: its handling of a typed line before the person's first Enter, then rounds of its whole
 * path for an input once Groovy's compiler has loaded. Each method runs on the warm-up's thread.
 */
public interface ConsoleWarmUp {
    /** Walks the console's handling of a typed line once, quickly: it runs before the first prompt's Enter. */
    void firstRound();

    /** One round of the console's whole path for an input (keys, the line, the evaluation, the value printed). */
    void round();

    /** The rounds are over: releases what they hold. */
    void done();
}
