/**
 * Sync's ignore list: the built-in `.git`, `__pycache__` and `.venv`, plus the
 * user's patterns (Settings.syncIgnore), in a small gitignore-like syntax:
 *   - `name` or `*.pyc`: matches a file or folder of that name at any depth;
 *   - `lib/test*.py` (has a `/`): matches from the project root; `**` spans folders;
 *   - a trailing `/` (`build/`): matches folders only.
 * Anything inside an ignored folder is ignored too.
 */

export const DEFAULT_IGNORES: readonly string[] = ['.git', '__pycache__', '.venv'];

interface Rule {
  regex: RegExp;
  /** Matched against the whole relative path rather than one name. */
  anchored: boolean;
  dirOnly: boolean;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` spans any number of folders, `**` at the end anything at all.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else {
      out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return out;
}

function compile(pattern: string): Rule | null {
  let p = pattern.trim();
  if (p === '' || p.startsWith('#')) return null;
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (p === '') return null;
  return { regex: new RegExp(`^${globToRegex(p)}$`), anchored, dirOnly };
}

export class IgnoreList {
  private readonly rules: Rule[];

  constructor(userPatterns: readonly string[] = [], defaults: readonly string[] = DEFAULT_IGNORES) {
    this.rules = [...defaults, ...userPatterns].map(compile).filter((r): r is Rule => r !== null);
  }

  /**
   * True when the relative path `rel` (`/`-separated) is ignored, itself or through
   * a folder above it. `isDir` says whether `rel` itself is a folder.
   */
  ignores(rel: string, isDir: boolean): boolean {
    const parts = rel.split('/').filter(Boolean);
    for (let depth = 1; depth <= parts.length; depth++) {
      // Every ancestor is a folder; only the last segment may be a file.
      const dir = depth < parts.length || isDir;
      const prefix = parts.slice(0, depth).join('/');
      const name = parts[depth - 1]!;
      for (const rule of this.rules) {
        if (rule.dirOnly && !dir) continue;
        if (rule.regex.test(rule.anchored ? prefix : name)) return true;
      }
    }
    return false;
  }
}
