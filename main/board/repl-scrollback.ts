/**
 * The board's recent user-visible output, kept in main so that a reloaded page (or a
 * second web-mode tab) can show what the terminal showed, ending at the live prompt,
 * instead of a blank terminal that waits for Enter.
 */

/** About a few hundred screens of typical REPL output; older text is dropped. */
const DEFAULT_LIMIT_CHARS = 64 * 1024;

export class ReplScrollback {
  #text = '';
  constructor(private readonly limitChars = DEFAULT_LIMIT_CHARS) {}

  append(text: string): void {
    this.#text += text;
    if (this.#text.length > this.limitChars * 2) this.#trim();
  }

  /** The kept text, cut at a line start so no half escape sequence or line leads it. */
  get text(): string {
    if (this.#text.length > this.limitChars) this.#trim();
    return this.#text;
  }

  #trim(): void {
    const cut = this.#text.length - this.limitChars;
    const lineStart = this.#text.indexOf('\n', cut);
    this.#text = lineStart < 0 ? this.#text.slice(cut) : this.#text.slice(lineStart + 1);
  }
}
