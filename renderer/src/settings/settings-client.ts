/**
 * The renderer's view of the persisted settings: the last value main returned, a
 * way to change some of them, and listeners for parts of the UI that follow them.
 * Main owns the JSON file; this only caches its answers.
 */
import type { Settings } from '../../../preload/contract-types';
import { studio } from '../studio-api';

export type SettingsPatch = Parameters<typeof studio.settings.update>[0];
type Listener = (settings: Settings) => void;

export class SettingsClient {
  private listeners = new Set<Listener>();
  private constructor(private current: Settings) {}

  static async load(): Promise<SettingsClient> {
    return new SettingsClient(await studio.settings.get());
  }

  get value(): Settings {
    return this.current;
  }

  /** Saves a change and tells every listener; the stored value is what main answers. */
  async update(patch: SettingsPatch): Promise<Settings> {
    this.current = await studio.settings.update(patch);
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }

  /** Desktop: picks a root folder in the native dialog (the only way to change one there). */
  async pickFolder(key: 'localFolder' | 'virtualBoardFolder'): Promise<Settings | null> {
    const picked = await studio.settings.pickFolder(key);
    if (!picked) return null;
    this.current = picked;
    for (const listener of this.listeners) listener(this.current);
    return picked;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
