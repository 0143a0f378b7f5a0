/**
 * Text that came from a board (file names, banners, error messages) is printed by the CLI
 * through `terminalSafe`, as `ls -b` does: a name holding `ESC]0;…BEL` must not retitle
 * or clear the user's terminal, and `a\nb.py` must not list as two entries.
 */

/**
 * C0 controls, DEL, C1 controls (8-bit CSI and OSC among them), and the Unicode bidi
 * overrides and isolates that can reorder what a line appears to say.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e', '\x07': '\\a', '\b': '\\b', '\\': '\\\\' };

/** Escapes every control character (and the backslash, so escapes stay unambiguous). */
export function terminalSafe(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\n' && options.keepNewlines) return ch;
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
