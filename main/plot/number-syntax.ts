/**
 * What counts as a number in board output: decimal integers and floats with an
 * optional exponent, and the words Python prints for non-finite floats (`nan`,
 * `inf`, `-inf`). One place, so every line format agrees on it.
 */

/** A whole token that is a number, e.g. `-2.5e3`, `.5`, `7.`, `nan`, `-inf`. */
const NUMBER_TOKEN = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)$/i;

/**
 * A number inside text. The look-arounds keep digits that belong to a word
 * (`sensor1`, `v1.19.1`, `0x1F`) or to a date (`2024-01-05`) from being read as
 * values, while a unit stuck to a number (`21.5C`) is allowed; `nan` and `inf`
 * count only as whole words (not the start of `information`).
 */
export const EMBEDDED_NUMBER =
  /(?<![\w.]|\w-)(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\d.]|-\d|x[0-9a-f])|[-+]?(?:nan|inf(?:inity)?)(?![\w.]))/gi;

/** Parses a token that is exactly a number, or returns undefined. */
export function parseNumberToken(token: string): number | undefined {
  if (!NUMBER_TOKEN.test(token)) return undefined;
  return toNumber(token);
}

/** Converts text already known to match the number syntax. */
export function toNumber(text: string): number {
  const lower = text.toLowerCase();
  if (lower.endsWith('nan')) return Number.NaN;
  if (lower.endsWith('inf') || lower.endsWith('infinity')) {
    return lower.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return Number(text);
}
