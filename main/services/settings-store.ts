/**
 * The user's settings, persisted as JSON in the user-data folder. Reads tolerate a
 * missing or damaged file (defaults win, field by field); writes are atomic so a
 * crash mid-save never leaves a truncated settings file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { settingsPatchSchema } from '../../preload/contract';
import type { Settings } from '../../preload/contract-types';

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
  layout: {},
};

export type SettingsListener = (settings: Settings) => void;

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

  /** Applies an already-validated patch, saves, and tells listeners. */
  async update(patch: v.InferOutput<typeof settingsPatchSchema>): Promise<Settings> {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    this.current = { ...this.current, ...defined };
    const snapshot = this.get();
    this.writing = this.writing.then(() => this.save(snapshot));
    await this.writing;
    for (const listener of this.listeners) listener(this.get());
    return snapshot;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async save(settings: Settings): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`);
    await rename(temporary, this.file);
  }
}
