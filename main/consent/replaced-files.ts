/**
 * Local files the app replaced, kept in the user-data folder (`replaced-files/`) so a
 * replacement can be undone: there is no system trash to use from here (web mode runs
 * headless, often on another machine). Each kept file sits under a folder named for
 * the moment it was replaced, at its path inside the project folder, beside a small
 * JSON note saying where it came from.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface ReplacedFile {
  /** The folder name under `replaced-files/`. */
  id: string;
  /** The project folder and the path inside it that was replaced. */
  folder: string;
  path: string;
  replacedAt: number;
  /** Where the old bytes are now. */
  keptAt: string;
}

export class ReplacedFiles {
  constructor(readonly root: string) {}

  /** Keeps `bytes`, the old content of `path` in `folder`; returns where. */
  async keep(folder: string, path: string, bytes: Uint8Array): Promise<ReplacedFile> {
    const replacedAt = Date.now();
    const id = `${new Date(replacedAt).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    // `path` was confined to the project folder by LocalFolderService: relative, no `..`.
    const keptAt = join(this.root, id, path);
    await mkdir(dirname(keptAt), { recursive: true });
    await writeFile(keptAt, bytes);
    const note: ReplacedFile = { id, folder, path, replacedAt, keptAt };
    await writeFile(join(this.root, id, 'replaced.json'), JSON.stringify(note));
    return note;
  }

  /** Everything kept, newest first. */
  async list(): Promise<ReplacedFile[]> {
    let ids: string[];
    try {
      ids = await readdir(this.root);
    } catch {
      return [];
    }
    const out: ReplacedFile[] = [];
    for (const id of ids) {
      try {
        out.push(JSON.parse(await readFile(join(this.root, id, 'replaced.json'), 'utf8')) as ReplacedFile);
      } catch {
        // Not one of ours, or damaged: the bytes are still there for a person to find.
      }
    }
    return out.sort((a, b) => b.replacedAt - a.replacedAt);
  }
}
