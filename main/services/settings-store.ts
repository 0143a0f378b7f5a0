/**
 * The user's settings, persisted as JSON in the user-data folder. Reads tolerate a
 * missing or damaged file (defaults win, field by field); writes are atomic so a
 * crash mid-save never leaves a truncated settings file. Memory changes only once the
 * file has been written: after a failed save both still hold the old settings, and the
 * next save tries afresh.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { settingsPatchSchema } from '../../preload/contract';
import type { Settings } from '../../preload/contract-types';
import { writeFileAtomic } from '../local/atomic-write';
import { localError } from '../local/local-errors';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 14,
  autoConnect: true,
  autoReconnect: true,
  baudRate: 115200,
  virtualBoardFolder: '',
  lastTarget: null,
  recentPorts: [],
  localFolder: '',
  syncIgnore: [],
  plotHistory: 1_000_000,
  plotKeepOnRun: false,
  packageIndex: '',
  layout: {},
};

export type SettingsListener = (settings: Settings) => void;

/** A folder path that passed RootFolders' checks (main/services/root-folders.ts), or `''`. */
export type CheckedFolder = string & { readonly __checkedFolder: unique symbol };

type Patch = v.InferOutput<typeof settingsPatchSchema>;
/**
 * What `update` takes: the two root folders only as CheckedFolder, so no caller can set
 * them with a path that skipped the checks (the type system enforces the one setter).
 */
export type StorePatch = Omit<Patch, 'localFolder' | 'virtualBoardFolder'> & { localFolder?: CheckedFolder; virtualBoardFolder?: CheckedFolder };

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private readonly listeners = new Set<SettingsListener>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  /** Loads `settings.json` from `dir`, keeping every valid field and defaulting the rest. */
  static async open(dir: string): Promise<SettingsStore> {
    const store = new SettingsStore(join(dir, 'settings.json'));
    try {
      const parsed: unknown = JSON.parse(await readFile(store.file, 'utf8'));
      if (parsed && typeof parsed === 'object') {
        for (const [key, value] of Object.entries(parsed)) {
          const one = v.safeParse(settingsPatchSchema, { [key]: value });
          if (one.success) Object.assign(store.current, one.output);
        }
      }
    } catch {
      // No file yet, or unreadable JSON: start from the defaults.
    }
    return store;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /**
   * Applies an already-validated patch: saves, then changes memory and tells listeners.
   * Updates run one after another, each on top of the last one that was saved; a failed
   * save rejects (with the file error as cause) and changes nothing.
   */
  update(patch: StorePatch): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const run = this.writing.then(async () => {
      const next: Settings = structuredClone({ ...this.current, ...defined });
      try {
        await this.save(next);
      } catch (error) {
        throw localError(error, this.file);
      }
      this.current = next;
      for (const listener of this.listeners) listener(this.get());
      return this.get();
    });
    // The chain goes on after a failure: one full disk must not fail every later save.
    this.writing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async save(settings: Settings): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(settings, null, 2)}\n`);
  }
}
