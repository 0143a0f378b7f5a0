import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, parseLine } from '../../main/plot/line-parser';

/** True when a line yields samples (a header line yields names only). */
function hasValues(line: string): boolean {
  const kind = parseLine(line)?.kind;
  return kind === 'positional' || kind === 'named';
}

describe('parseLine', () => {
  it('reads Mu tuples, with and without spaces, and one-element tuples', () => {
    expect(parseLine('(1, 2.5, -3)')).toEqual({ kind: 'positional', values: [1, 2.5, -3] });
    expect(parseLine('(1,2)')).toEqual({ kind: 'positional', values: [1, 2] });
    expect(parseLine('(7,)')).toEqual({ kind: 'positional', values: [7] });
    expect(parseLine('[0.5, 1e3]')).toEqual({ kind: 'positional', values: [0.5, 1000] });
  });

  it('reads Arduino-plotter pairs with colons or equals signs', () => {
    expect(parseLine('temp:21.5 hum:40')).toEqual({ kind: 'named', names: ['temp', 'hum'], values: [21.5, 40] });
    expect(parseLine('temp=21.5, hum=40')).toEqual({ kind: 'named', names: ['temp', 'hum'], values: [21.5, 40] });
    expect(parseLine('a: -1.5; b = 2e-3')).toEqual({ kind: 'named', names: ['a', 'b'], values: [-1.5, 0.002] });
    expect(parseLine('x1:1\ty_2:2')).toEqual({ kind: 'named', names: ['x1', 'y_2'], values: [1, 2] });
  });

  it('reads comma-, tab-, semicolon- and space-separated numbers', () => {
    for (const line of ['1,2,3', '1, 2, 3', '1\t2\t3', '1 2 3', '1;2;3', '  1   2  3  ', '1,2,3,']) {
      expect(parseLine(line), line).toEqual({ kind: 'positional', values: [1, 2, 3] });
    }
  });

  it('reads an empty field as a missing value', () => {
    const parsed = parseLine('1,,3');
    expect(parsed?.kind).toBe('positional');
    expect(parsed?.kind === 'positional' && parsed.values.map(Number.isNaN)).toEqual([false, true, false]);
  });

  it('reads a single number per line', () => {
    expect(parseLine('42')).toEqual({ kind: 'positional', values: [42] });
    expect(parseLine('-0.25\r')).toEqual({ kind: 'positional', values: [-0.25] });
    expect(parseLine('.5')).toEqual({ kind: 'positional', values: [0.5] });
  });

  it('reads nan and inf as Python prints them', () => {
    const parsed = parseLine('nan, inf, -inf');
    expect(parsed).toEqual({ kind: 'positional', values: [Number.NaN, Infinity, -Infinity] });
    expect(parseLine('t:nan')).toEqual({ kind: 'named', names: ['t'], values: [Number.NaN] });
  });

  it('reads header lines of names', () => {
    expect(parseLine('time,temp,hum')).toEqual({ kind: 'header', names: ['time', 'temp', 'hum'] });
    expect(parseLine('"Temp (C)"\t"Humidity"')).toEqual({ kind: 'header', names: ['Temp (C)', 'Humidity'] });
    expect(parseLine('temp hum')).toEqual({ kind: 'header', names: ['temp', 'hum'] });
  });

  it('does not take a single word or a sentence with numbers for a header', () => {
    expect(parseLine('Starting')).toBeNull();
    expect(parseLine('Temperature: 21.5 C, pressure 1013')?.kind).toBe('named');
  });

  it('reads Thonny-style numbers in text, named by the text before them', () => {
    expect(parseLine('Temperature: 21.5 C, pressure 1013')).toEqual({
      kind: 'named',
      names: ['Temperature', 'pressure'],
      values: [21.5, 1013],
    });
    expect(parseLine('x 1 y 2')).toEqual({ kind: 'named', names: ['x', 'y'], values: [1, 2] });
    expect(parseLine('light level 512 (of 1023)')).toEqual({
      kind: 'named',
      names: ['light level', 'of'],
      values: [512, 1023],
    });
    expect(parseLine('21.5C pressure 1013')).toEqual({
      kind: 'named',
      names: [undefined, 'pressure'],
      values: [21.5, 1013],
    });
    expect(parseLine('v=3.3V')).toEqual({ kind: 'named', names: ['v'], values: [3.3] });
  });

  it('does not read digits inside words, versions, dates or hex as values', () => {
    for (const line of ['sensor1 ok', 'firmware v1.19.1 ready', 'built 2024-01-05', 'addr 0x1F', 'no information here']) {
      expect(hasValues(line), line).toBe(false);
    }
  });

  it('takes no values from text without numbers', () => {
    for (const line of ['', '   ', 'hello', 'Hello, world!', 'Connecting to the network...']) {
      expect(hasValues(line), line).toBe(false);
    }
  });

  it('ignores REPL chatter even when it holds numbers', () => {
    for (const line of [
      '>>> print(1, 2)',
      '... for i in range(3):',
      'Traceback (most recent call last):',
      '  File "<stdin>", line 3, in <module>',
      'OSError: [Errno 2] ENOENT',
      'KeyboardInterrupt: ',
      'ZeroDivisionError: divide by zero',
      'MicroPython v1.27.0 on 2025-01-01; Raspberry Pi Pico with RP2040',
      'Type "help()" for more information.',
      'MPY: soft reboot',
      'raw REPL; CTRL-B to exit',
    ]) {
      expect(parseLine(line), line).toBeNull();
    }
  });

  it('cuts very long names', () => {
    const parsed = parseLine(`${'n'.repeat(500)}:1`);
    expect(parsed?.kind === 'named' && parsed.names[0]?.length).toBe(MAX_NAME_CHARS);
  });
});

describe('a first line glued to the prompt', () => {
  it('reads name:value pairs printed right after an idle >>> prompt', () => {
    expect(parseLine('>>> pot:32754 light:15126')).toEqual({ kind: 'named', names: ['pot', 'light'], values: [32754, 15126] });
  });
  it('still ignores what the user typed at the prompt', () => {
    expect(parseLine('>>> x = 1')).toBeNull();
    expect(parseLine('>>> print(1, 2)')).toBeNull();
  });
});
