/**
 * Keeps the REPL's answers to typed lines out of the plot. After the echo of a line
 * typed at the prompt (`>>> 7`), one line of output followed by the next `>>> ` is the
 * REPL answering (`7`, `'blink'`), not a stream: it is dropped. A statement that keeps
 * printing (a loop typed at the REPL) gives a second line before any prompt, and then
 * both go on to the plot. Program runs print no echo first, so they pass untouched.
 */
import { parseLine } from './line-parser';

/**
 * The echo of a typed line: the primary prompt and what the user typed, or any
 * continuation line (`... ` alone ends a block). A bare `>>> ` is an empty Enter.
 */
const TYPED_ECHO = /^(?:>>> +\S|\.\.\.(?: |$))/;
/** The idle prompt the board prints when a statement is done. */
const IDLE_PROMPT = '>>> ';

export class ReplAnswerFilter {
  /** A typed line was echoed and its output has not started a stream yet. */
  #afterTyped = false;
  /** The first output line after a typed line, until it is known to be an answer or a stream. */
  #held: string | null = null;

  /** One whole line from the splitter; `pass` gets the lines that may be plotted, in order. */
  line(line: string, pass: (line: string) => void): void {
    // A program's first line glued to the idle prompt (`>>> level:7`) is output, as the parser reads it.
    if (TYPED_ECHO.test(line) && !(line.startsWith('>>> ') && parseLine(line) !== null)) {
      this.#held = null; // A line held before another typed line was that line's answer.
      this.#afterTyped = true;
      pass(line);
      return;
    }
    if (line.trim() === '') return pass(line); // The empty half of a CR LF decides nothing.
    if (this.#held !== null) {
      // A second line before the prompt: the statement streams, plot it all.
      pass(this.#held);
      this.#held = null;
      this.#afterTyped = false;
      return pass(line);
    }
    if (this.#afterTyped) {
      this.#held = line;
      return;
    }
    pass(line);
  }

  /** The unfinished line the output stops on: the idle prompt settles a held line as an answer. */
  partial(text: string): void {
    if (!text.startsWith(IDLE_PROMPT)) return;
    this.#held = null;
    this.#afterTyped = false; // The echo of the next typed line sets it again.
  }

  reset(): void {
    this.#held = null;
    this.#afterTyped = false;
  }
}
