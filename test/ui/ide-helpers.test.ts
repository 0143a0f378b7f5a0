/**
 * The IDE's pure helpers, in Node: traceback references, Run Selection's dedent,
 * the theme choice, the board's diagnostics mapped onto the editor, the web-mode
 * shortcut table.
 */
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../renderer/src/app/keyboard-shortcuts';
import { toCodeMirror } from '../../renderer/src/editor/diagnostic-range';
import { resolveTheme } from '../../renderer/src/layout/appearance';
import { findTracebackRefs } from '../../renderer/src/repl/traceback-links';
import { dedent } from '../../renderer/src/run/dedent';

describe('traceback references', () => {
  it('finds file and line in MicroPython traceback lines', () => {
    expect(findTracebackRefs('  File "main.py", line 12, in <module>')).toEqual([{ file: 'main.py', line: 12, start: 2, end: 25 }]);
    expect(findTracebackRefs('  File "<stdin>", line 3')).toEqual([{ file: '<stdin>', line: 3, start: 2, end: 24 }]);
    expect(findTracebackRefs('  File "/lib/a b.py", line 7, in f')[0]).toMatchObject({ file: '/lib/a b.py', line: 7 });
    expect(findTracebackRefs('Traceback (most recent call last):')).toEqual([]);
  });
});

describe('dedent for Run Selection', () => {
  it('removes the indentation common to the selected lines', () => {
    expect(dedent('    x = 1\n    if x:\n        print(x)\n')).toBe('x = 1\nif x:\n    print(x)\n');
    expect(dedent('\n  a = 1\n\n  b = 2')).toBe('\na = 1\n\nb = 2');
    expect(dedent('print(1)')).toBe('print(1)');
  });
});

describe('theme', () => {
  it('follows the OS for "system" and obeys an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('board diagnostics in the editor', () => {
  const doc = Text.of(['x = 1', 'if x', '    print(x'.trimEnd(), '']);
  it('marks the token at the reported column', () => {
    expect(toCodeMirror(doc, { line: 1, column: 4, message: 'invalid syntax' })).toMatchObject({ from: 4, to: 5, severity: 'error' });
  });
  it('marks the whole line when there is no column, and something visible at a line end', () => {
    const line2 = doc.line(2);
    expect(toCodeMirror(doc, { line: 2, message: 'invalid syntax' })).toMatchObject({ from: line2.from, to: line2.to });
    const atEnd = toCodeMirror(doc, { line: 2, column: 4, message: 'invalid syntax' });
    expect(atEnd.to - atEnd.from).toBe(1);
  });
  it('keeps a line number past the end inside the document', () => {
    expect(toCodeMirror(doc, { line: 99, message: 'unexpected EOF' }).to).toBeLessThanOrEqual(doc.length);
  });
});

describe('web-mode shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;
  it('maps Thonny’s keys to commands', () => {
    expect(commandForKey(key('F5'))).toBe('run:current');
    expect(commandForKey(key('F5', { shiftKey: true }))).toBe('run:selection');
    expect(commandForKey(key('F2', { ctrlKey: true }))).toBe('run:stop');
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }))).toBe('file:saveAs');
    expect(commandForKey(key('s', { metaKey: true }))).toBe('file:save');
    expect(commandForKey(key('a', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('F2'))).toBeUndefined();
  });
});
