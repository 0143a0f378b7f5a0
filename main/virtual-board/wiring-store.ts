/**
 * Where the virtual board's movable parts are wired (button, servo, NeoPixels),
 * remembered per virtual board, that is per flash folder, in
 * `<userData>/virtual-board/wiring.json`. A missing or broken file means the default
 * wiring; a save replaces the file in one rename.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BoardWiring } from '../../preload/contract-types';

/** The wiring of the examples in resources/examples, and of a Pico on a breadboard. */
export const DEFAULT_WIRING: BoardWiring = { button: 14, servo: 15, neopixel: 16 };

export class WiringStore {
  private readonly file: string;
  private readonly saved: Record<string, BoardWiring>;
  private saving: Promise<void> = Promise.resolve();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'virtual-board', 'wiring.json');
    this.saved = readJson(this.file);
  }

  get(board: string): BoardWiring {
    const saved = (this.saved[board] ?? {}) as Partial<Record<string, unknown>>;
    const pick = (part: keyof BoardWiring) => {
      const pin = saved[part];
      return typeof pin === 'number' && Number.isInteger(pin) && pin >= 0 && pin <= 28 ? pin : DEFAULT_WIRING[part];
    };
    return { button: pick('button'), servo: pick('servo'), neopixel: pick('neopixel') };
  }

  /** Remembers the board's wiring; resolves once it is on disk. */
  set(board: string, wiring: BoardWiring): Promise<void> {
    this.saved[board] = { ...wiring };
    const text = JSON.stringify(this.saved, null, 2);
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(`${this.file}.tmp`, text);
      await rename(`${this.file}.tmp`, this.file);
    });
    return this.saving;
  }
}

function readJson(file: string): Record<string, BoardWiring> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, BoardWiring>) : {};
  } catch {
    return {};
  }
}
