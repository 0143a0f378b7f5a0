/**
 * Theme and font size. The `system` theme follows the OS through
 * `prefers-color-scheme` and changes live when the OS switches.
 */
import type { ThemeSetting } from '../../../preload/contract-types';
import type { SettingsClient } from '../settings/settings-client';

export type ResolvedTheme = 'light' | 'dark';
export const MIN_FONT_SIZE = 8;
export const MAX_FONT_SIZE = 40;

type ThemeListener = (theme: ResolvedTheme, fontSize: number) => void;

export class Appearance {
  private readonly media = window.matchMedia('(prefers-color-scheme: dark)');
  private listeners = new Set<ThemeListener>();

  constructor(private readonly settings: SettingsClient) {
    this.media.addEventListener('change', () => this.apply());
    settings.onChange(() => this.apply());
    this.apply();
  }

  get theme(): ResolvedTheme {
    return resolveTheme(this.settings.value.theme, this.media.matches);
  }

  get fontSize(): number {
    return this.settings.value.fontSize;
  }

  /** Switches between light and dark, leaving `system` for an explicit choice. */
  async toggleTheme(): Promise<void> {
    await this.settings.update({ theme: this.theme === 'dark' ? 'light' : 'dark' });
  }

  async changeFontSize(delta: number): Promise<void> {
    const next = Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, this.fontSize + delta));
    if (next !== this.fontSize) await this.settings.update({ fontSize: next });
  }

  onChange(listener: ThemeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private apply(): void {
    const root = document.documentElement;
    root.dataset.theme = this.theme;
    root.style.setProperty('--code-size', `${this.fontSize}px`);
    for (const listener of this.listeners) listener(this.theme, this.fontSize);
  }
}

export function resolveTheme(setting: ThemeSetting, osPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return osPrefersDark ? 'dark' : 'light';
  return setting;
}
