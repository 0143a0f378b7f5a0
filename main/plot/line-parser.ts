/**
 * Reads one line of board output as plot data, in the formats people print:
 * Mu tuples `(1, 2.5, -3)`, Arduino-plotter pairs `temp:21.5 hum:40` or
 * `temp=21.5, hum=40`, comma/tab/space-separated numbers (with an optional header
 * line of names), a single number, and Thonny style, numbers inside text
 * (`Temperature: 21.5 C, pressure 1013`) named by the text around them.
 * Stateless: the header and series bookkeeping live in `SeriesTable`.
 */
import { EMBEDDED_NUMBER, parseNumberToken, toNumber } from './number-syntax';

export type ParsedLine =
  /** Values by position: column `i` is series `i` (or the header's name `i`). */
  | { kind: 'positional'; values: number[] }
  /** Values with names; an `undefined` name means "by position". */
  | { kind: 'named'; names: Array<string | undefined>; values: number[] }
  /** A line of column names, used if the next data row has as many columns. */
  | { kind: 'header'; names: string[] };

/** Longest series name kept; longer ones are cut, so a runaway label cannot bloat every batch. */
export const MAX_NAME_CHARS = 64;

const NUM = String.raw`[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf(?:inity)?)`;
const LABEL = String.raw`[A-Za-z_][\w.%/-]*`;
/** One `name:value` or `name=value` pair and the separator after it (`,` `;` `|`, space or the end). */
const PAIR = new RegExp(String.raw`\s*(${LABEL})\s*[:=]\s*(${NUM})\s*(?:[,;|]|(?=\s)|$)`, 'iy');
const TUPLE = /^[([]([^()[\]]*)[)\]]$/;
const FIELD_SEPARATOR = /\s*[,;\t]\s*|\s+/;
const HEADER_WORD = /^[A-Za-z_][\w.%/-]*$/;
const HEADER_FIELD = /^[A-Za-z_][^,;\t"']*$/;
const QUOTES = /^(["'])(.*)\1$/;

/**
 * REPL and firmware chatter that contains digits but is not data: prompts with
 * the user's echoed input, tracebacks and exception lines (`OSError: [Errno 2]`),
 * banners, soft-reboot and mode messages.
 */
const NOISE =
  /^(?:>>>|\.\.\.\s|\.\.\.$|Traceback \(|\s+File "|MicroPython v|MPY: |soft reboot|raw REPL|paste mode|===|Type "help\(\)"|[A-Z]\w*(?:Error|Exception|Interrupt|Exit|Iteration)(?::|$))/;

/** A program's first line can land right after the idle `>>> ` prompt. */
const PROMPT_PREFIX = /^>>> (?=\S)/;

export function parseLine(raw: string): ParsedLine | null {
  const line = raw.trim();
  if (PROMPT_PREFIX.test(raw)) {
    // `name:value` pairs are not Python a user could have typed at the prompt (and
    // assignments, with `=`, are left out), so they are the program's output.
    const rest = raw.slice(4).trim();
    return rest.includes('=') ? null : parsePairs(rest);
  }
  if (line === '' || NOISE.test(raw)) return null;
  return (
    parseTuple(line) ??
    parsePairs(line) ??
    parseDelimited(line) ??
    parseHeader(line) ??
    parseEmbedded(line)
  );
}

/** Mu's format: a Python tuple (or list) of numbers. */
function parseTuple(line: string): ParsedLine | null {
  const inner = TUPLE.exec(line)?.[1];
  if (inner === undefined) return null;
  const fields = inner.split(',').map((f) => f.trim());
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop(); // `(1,)`
  const values: number[] = [];
  for (const field of fields) {
    const value = parseNumberToken(field);
    if (value === undefined) return null;
    values.push(value);
  }
  return values.length > 0 ? { kind: 'positional', values } : null;
}

/** Arduino's serial plotter format: every field is `name:value` or `name=value`. */
function parsePairs(line: string): ParsedLine | null {
  if (!line.includes(':') && !line.includes('=')) return null;
  const names: string[] = [];
  const values: number[] = [];
  PAIR.lastIndex = 0;
  while (PAIR.lastIndex < line.length) {
    const match = PAIR.exec(line);
    if (!match) return null;
    names.push(cutName(match[1] ?? ''));
    values.push(toNumber(match[2] ?? ''));
  }
  return names.length > 0 ? { kind: 'named', names, values } : null;
}

/** Numbers separated by commas, semicolons, tabs or spaces. An empty field is a missing value. */
function parseDelimited(line: string): ParsedLine | null {
  const fields = line.split(FIELD_SEPARATOR);
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop(); // a trailing comma
  const values: number[] = [];
  for (const field of fields) {
    if (field === '') {
      values.push(Number.NaN);
      continue;
    }
    const value = parseNumberToken(field);
    if (value === undefined) return null;
    values.push(value);
  }
  return { kind: 'positional', values };
}

/**
 * Two or more names and no numbers: `time,temp,hum` or `temp hum`. Space-separated
 * headers must be plain words, so an ordinary sentence is not taken for one.
 */
function parseHeader(line: string): ParsedLine | null {
  if (line.search(EMBEDDED_NUMBER) >= 0) return null;
  const delimited = /[,;\t]/.test(line);
  const fields = delimited ? line.split(/[,;\t]/).map((f) => unquote(f.trim())) : line.split(/\s+/);
  if (fields.length < 2) return null;
  const pattern = delimited ? HEADER_FIELD : HEADER_WORD;
  if (!fields.every((f) => pattern.test(f) && f.length <= MAX_NAME_CHARS)) return null;
  return { kind: 'header', names: fields };
}

/**
 * Thonny's format: numbers anywhere in text. The text before a number names it;
 * between two numbers, a unit right after the first (`21.5 C, pressure 1013`) is
 * left out: the name is what follows the last `,;|`, or else all but the first word.
 */
function parseEmbedded(line: string): ParsedLine | null {
  const names: Array<string | undefined> = [];
  const values: number[] = [];
  let previousEnd = -1;
  for (const match of line.matchAll(EMBEDDED_NUMBER)) {
    const start = match.index;
    const segment = line.slice(Math.max(previousEnd, 0), start);
    names.push(nameFromText(segment, previousEnd === -1));
    values.push(toNumber(match[0]));
    previousEnd = start + match[0].length;
  }
  return values.length > 0 ? { kind: 'named', names, values } : null;
}

function nameFromText(segment: string, first: boolean): string | undefined {
  const separator = Math.max(segment.lastIndexOf(','), segment.lastIndexOf(';'), segment.lastIndexOf('|'));
  let text = separator >= 0 ? segment.slice(separator + 1) : segment;
  if (!first && separator < 0) {
    const words = text.trim().split(/\s+/);
    // One word stuck to the number before (`21.5C 3`) is that number's unit, not a name.
    const unitOnly = words.length === 1 && /^\S/.test(segment);
    text = words.length > 1 ? words.slice(1).join(' ') : unitOnly ? '' : (words[0] ?? '');
  }
  const name = text.replace(/^[\s:=()[\]{}<>#*-]+|[\s:=()[\]{}<>#*]+$/g, '');
  return name === '' ? undefined : cutName(name);
}

function unquote(field: string): string {
  return QUOTES.exec(field)?.[2] ?? field;
}

function cutName(name: string): string {
  return name.length > MAX_NAME_CHARS ? name.slice(0, MAX_NAME_CHARS) : name;
}
