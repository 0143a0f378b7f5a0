/**
 * THE one way a host value becomes Python source for the board. File names, folders
 * and anything a user typed are encoded here as `str` or `bytes` literals, with every
 * quote, backslash and non-printable character escaped, and never concatenated raw.
 * Also parses the board's `repr()` of bytes back into bytes.
 */

const SHORT_ESCAPES: Record<number, string> = { 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** True for a printable ASCII byte that needs no escape inside either quote style. */
const isPlainAscii = (c: number): boolean => c >= 0x20 && c < 0x7f && c !== 0x5c && c !== 0x27 && c !== 0x22;

/** Picks the quote that appears less often, so the literal needs fewer escapes. */
function chooseQuote(count: (quote: number) => number): '"' | "'" {
  return count(0x27) > count(0x22) ? '"' : "'";
}

/** A Python `str` literal for `value`. Printable non-ASCII stays as UTF-8; controls and quotes are escaped. */
export function pyStr(value: string): string {
  let singles = 0;
  let doubles = 0;
  for (const ch of value) {
    if (ch === "'") singles++;
    else if (ch === '"') doubles++;
  }
  const quote = chooseQuote((q) => (q === 0x27 ? singles : doubles));
  let out = quote;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80 && isPlainAscii(cp)) out += ch;
    else if (cp === quote.charCodeAt(0)) out += '\\' + ch;
    else if (cp === 0x27 || cp === 0x22) out += ch;
    else if (SHORT_ESCAPES[cp] !== undefined) out += SHORT_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex2(cp);
    else if ((cp >= 0x80 && cp < 0xa0) || (cp >= 0xd800 && cp < 0xe000) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff)
      // C1 controls, lone surrogates and invisible separators: spell them out.
      out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python source length of `bytes` as a minimal-escape literal, without building it. */
export function pyBytesLength(bytes: Uint8Array): number {
  let singles = 0;
  let doubles = 0;
  let length = 3; // b + two quotes
  for (const c of bytes) {
    if (c === 0x27) singles++;
    else if (c === 0x22) doubles++;
    else if (isPlainAscii(c)) length += 1;
    else if (SHORT_ESCAPES[c] !== undefined) length += 2;
    else length += 4;
  }
  return length + Math.min(singles, doubles) * 2 + Math.max(singles, doubles);
}

/** A Python `bytes` literal: printable ASCII as itself, everything else escaped. */
export function pyBytes(bytes: Uint8Array): string {
  let singles = 0;
  let doubles = 0;
  for (const c of bytes) {
    if (c === 0x27) singles++;
    else if (c === 0x22) doubles++;
  }
  const quote = chooseQuote((q) => (q === 0x27 ? singles : doubles));
  const quoteCode = quote.charCodeAt(0);
  const parts: string[] = ['b', quote];
  for (const c of bytes) {
    if (isPlainAscii(c)) parts.push(String.fromCharCode(c));
    else if (c === quoteCode) parts.push('\\' + quote);
    else if (c === 0x27 || c === 0x22) parts.push(String.fromCharCode(c));
    else if (SHORT_ESCAPES[c] !== undefined) parts.push(SHORT_ESCAPES[c] as string);
    else parts.push('\\x' + hex2(c));
  }
  parts.push(quote);
  return parts.join('');
}

/** Quotes any plain value (string, number, boolean, null, bytes, arrays of those) as Python. */
export function pyValue(value: string | number | boolean | null | Uint8Array | readonly (string | number)[]): string {
  if (typeof value === 'string') return pyStr(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot send ${value} to the board`);
    return Number.isInteger(value) ? String(value) : value.toString();
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  if (value instanceof Uint8Array) return pyBytes(value);
  return '(' + value.map((item) => pyValue(item)).join(',') + (value.length === 1 ? ',)' : ')');
}

const REPR_ESCAPES: Record<string, number> = { '\\': 0x5c, "'": 0x27, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09, a: 7, b: 8, f: 12, v: 11, '0': 0 };

/**
 * Parses a bytes repr such as `b'ab\x00\n'` as MicroPython prints it.
 * Returns null when `text` is not one well-formed bytes literal.
 */
export function parseBytesRepr(text: string): Uint8Array | null {
  if (text.length < 3 || text[0] !== 'b') return null;
  const quote = text[1];
  if ((quote !== "'" && quote !== '"') || text[text.length - 1] !== quote) return null;
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 2; i < text.length - 1; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x5c) {
      if (ch > 0x7f) return null;
      out[n++] = ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined || i + 1 >= text.length - 1) return null;
    if (next === 'x') {
      const value = Number.parseInt(text.slice(i + 2, i + 4), 16);
      if (!/^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) return null;
      out[n++] = value;
      i += 3;
    } else if (REPR_ESCAPES[next] !== undefined) {
      out[n++] = REPR_ESCAPES[next] as number;
      i += 1;
    } else return null;
  }
  return out.slice(0, n);
}
