/**
 * The replace rule on a side kept in memory (a stand-in for the board or the local
 * folder, named as such): a differing file is never replaced without consent for
 * exactly its content, a replaced file is kept first, equal content writes nothing,
 * and Keep both picks a free name.
 */
import { describe, expect, it } from 'vitest';
import { ReplaceConflictError, sha256, writeWithConsent, type ReplaceTarget } from '../../main/consent/replace-rule';

function inMemorySide(files: Record<string, string>): ReplaceTarget & { files: Map<string, string>; kept: string[]; writes: number } {
  const map = new Map(Object.entries(files));
  const side = {
    side: 'local' as const,
    files: map,
    kept: [] as string[],
    writes: 0,
    stat: async (path: string) => (map.has(path) ? { type: 'file' as const, size: map.get(path)!.length, modifiedAt: 1 } : null),
    hash: async (path: string) => sha256(new TextEncoder().encode(map.get(path) ?? '')),
    keep: async (path: string) => void side.kept.push(map.get(path) ?? ''),
    write: async (path: string, bytes: Uint8Array) => {
      side.writes++;
      map.set(path, new TextDecoder().decode(bytes));
    },
  };
  return side;
}
const bytes = (text: string) => new TextEncoder().encode(text);
const editor = { side: 'editor' as const, path: 'x' };

describe('the replace rule', () => {
  it('writes a new file without asking', async () => {
    const side = inMemorySide({});
    expect(await writeWithConsent(side, 'a.py', bytes('new'), editor)).toEqual({ path: 'a.py', unchanged: false });
    expect(side.files.get('a.py')).toBe('new');
  });

  it('refuses to replace differing content without consent, naming both sides', async () => {
    const side = inMemorySide({ 'a.py': 'old content' });
    const error = await writeWithConsent(side, 'a.py', bytes(''), editor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplaceConflictError);
    expect((error as ReplaceConflictError).toWire()).toMatchObject({
      code: 'conflict',
      conflict: { target: { side: 'local', path: 'a.py', size: 11, modifiedAt: 1 }, incoming: { side: 'editor', size: 0 } },
    });
    expect(side.files.get('a.py')).toBe('old content');
    expect(side.writes).toBe(0);
  });

  it('replaces only the content consented to, and keeps it first', async () => {
    const side = inMemorySide({ 'a.py': 'old' });
    const stale = await writeWithConsent(side, 'a.py', bytes('new'), editor, { replaces: sha256(bytes('something else')) }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ReplaceConflictError);
    await writeWithConsent(side, 'a.py', bytes('new'), editor, { replaces: sha256(bytes('old')) });
    expect(side.files.get('a.py')).toBe('new');
    expect(side.kept).toEqual(['old']);
  });

  it('asks nothing and writes nothing when the content is the same', async () => {
    const side = inMemorySide({ 'a.py': 'same' });
    expect(await writeWithConsent(side, 'a.py', bytes('same'), editor)).toEqual({ path: 'a.py', unchanged: true });
    expect(side.writes).toBe(0);
  });

  it('keeps both under the first free name', async () => {
    const side = inMemorySide({ 'lib/a.py': 'old', 'lib/a (2).py': 'older', README: 'r' });
    expect((await writeWithConsent(side, 'lib/a.py', bytes('new'), editor, { keepBoth: true })).path).toBe('lib/a (3).py');
    expect((await writeWithConsent(side, 'README', bytes('new'), editor, { keepBoth: true })).path).toBe('README (2)');
    expect(side.files.get('lib/a.py')).toBe('old');
  });
});
