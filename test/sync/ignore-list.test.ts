/** The ignore list: built-in names at any depth, user globs, anchored and folder-only patterns. */
import { describe, expect, it } from 'vitest';
import { IgnoreList } from '../../main/sync/ignore-list';

describe('IgnoreList', () => {
  it('ignores .git, __pycache__ and .venv at any depth, with everything inside', () => {
    const list = new IgnoreList();
    expect(list.ignores('.git', true)).toBe(true);
    expect(list.ignores('.git/config', false)).toBe(true);
    expect(list.ignores('lib/__pycache__/x.mpy', false)).toBe(true);
    expect(list.ignores('.venv/bin/python', false)).toBe(true);
    expect(list.ignores('main.py', false)).toBe(false);
    expect(list.ignores('lib/gitx.py', false)).toBe(false);
  });

  it('applies user patterns: names, globs, anchored paths, ** and folder-only', () => {
    const list = new IgnoreList(['*.pyc', 'secrets.py', 'docs/*.md', 'build/', 'tests/**/fixture?.py']);
    expect(list.ignores('a/b/c.pyc', false)).toBe(true);
    expect(list.ignores('a/secrets.py', false)).toBe(true);
    expect(list.ignores('docs/readme.md', false)).toBe(true);
    expect(list.ignores('lib/docs/readme.md', false)).toBe(false);
    expect(list.ignores('build', true)).toBe(true);
    expect(list.ignores('build/out.bin', false)).toBe(true);
    expect(list.ignores('build', false)).toBe(false);
    expect(list.ignores('tests/fixture1.py', false)).toBe(true);
    expect(list.ignores('tests/a/b/fixture2.py', false)).toBe(true);
    expect(list.ignores('tests/a/fixture10.py', false)).toBe(false);
  });

  it('treats regex characters in patterns literally and skips comments and blanks', () => {
    const list = new IgnoreList(['a+b(1).py', '# comment', '  ']);
    expect(list.ignores('a+b(1).py', false)).toBe(true);
    expect(list.ignores('aab1.py', false)).toBe(false);
    expect(list.ignores('# comment', false)).toBe(false);
  });
});
