/** The tracker of unfinished REPL input that a command's Ctrl-C would wipe (the board behaviour is in the scenarios). */
import { describe, expect, it } from 'vitest';
import { TypedInput } from '../../main/board/typed-input';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (input: TypedInput): string => new TextDecoder().decode(input.pending);

describe('TypedInput', () => {
  it('keeps a half-typed line, and forgets a submitted one once the prompt is back', () => {
    const input = new TypedInput();
    input.typed(bytes('1+2'));
    expect(text(input)).toBe('1+2');
    expect(input.statementRunning).toBe(false);
    input.typed(bytes('\r'));
    expect(input.statementRunning).toBe(true);
    input.shown(bytes('\r\n3\r\n>>'));
    expect(input.statementRunning).toBe(true); // A prompt cut across two chunks is not a prompt yet.
    input.shown(bytes('> '));
    expect(input.statementRunning).toBe(false);
    expect(text(input)).toBe('');
  });

  it('keeps the open lines of a compound statement and of paste mode', () => {
    const input = new TypedInput();
    input.typed(bytes('for i in range(3):\r'));
    input.shown(bytes('\r\n... '));
    input.typed(bytes('    print(i)'));
    expect(text(input)).toBe('for i in range(3):\r    print(i)');
    const paste = new TypedInput();
    paste.typed(bytes('\x05x = 1\r'));
    paste.shown(bytes('\r\n=== '));
    expect(text(paste)).toBe('\x05x = 1\r');
    paste.typed(bytes('\x04'));
    paste.shown(bytes('\r\n>>> '));
    expect(text(paste)).toBe('');
  });

  it('keeps keys typed ahead of the prompt', () => {
    const input = new TypedInput();
    input.typed(bytes('x = 1\rpri'));
    input.shown(bytes('\r\n>>> '));
    expect(text(input)).toBe('pri');
  });

  it('drops an interrupted statement so it never runs twice', () => {
    const input = new TypedInput();
    input.typed(bytes('while True: pass\r\r'));
    expect(input.statementRunning).toBe(true);
    input.dropSubmitted();
    expect(text(input)).toBe('');
    expect(input.statementRunning).toBe(false);
  });

  it('waits for the prompt, but no longer than it is told', async () => {
    const input = new TypedInput();
    input.typed(bytes('1+2\r'));
    const started = Date.now();
    const waiting = input.waitForPrompt(5000);
    setTimeout(() => input.shown(bytes('\r\n3\r\n>>> ')), 20);
    await waiting;
    expect(Date.now() - started).toBeLessThan(2000);
    input.typed(bytes('loop()\r'));
    await input.waitForPrompt(30);
    expect(input.statementRunning).toBe(true);
  });
});

describe('TypedInput with typed-ahead Enters', () => {
  it('still knows a statement runs when its continuation prompt arrives after the second Enter was sent', () => {
    const input = new TypedInput();
    input.typed(bytes('while True: print(1)\r\r'));
    input.shown(bytes('while True: print(1)\r\n... '));
    expect(input.statementRunning).toBe(true);
    input.shown(bytes('\r\n1\r\n1\r\n'));
    expect(input.statementRunning).toBe(true);
    input.typed(bytes('\x03'));
    input.shown(bytes('Traceback (most recent call last):\r\nKeyboardInterrupt: \r\n>>> '));
    expect(input.statementRunning).toBe(false);
    expect(text(input)).toBe('');
  });

  it('reads a large chunk of output', () => {
    const input = new TypedInput();
    input.typed(bytes('print("x" * 200000)\r'));
    input.shown(new Uint8Array(200_000).fill(0x78));
    input.shown(bytes('\r\n>>> '));
    expect(input.statementRunning).toBe(false);
  });
});

describe('TypedInput waiting for the echo of the last key', () => {
  it('waits for the board to answer a key just typed and fall quiet, and not for a key typed long ago', async () => {
    const input = new TypedInput();
    input.typed(bytes('k'));
    const started = Date.now();
    setTimeout(() => input.shown(bytes('k')), 120);
    await input.waitForEcho(30, 2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140); // The echo, then 30 ms of quiet.
    const again = Date.now();
    await input.waitForEcho(30, 2000);
    expect(Date.now() - again).toBeLessThan(100);
  });

  it('gives up after its longest wait when no echo comes', async () => {
    const input = new TypedInput();
    input.typed(bytes('k'));
    const started = Date.now();
    await input.waitForEcho(30, 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
