/**
 * MOCK, for tests only (`--mock-mounts FILE`): the mounted volumes are the folders
 * listed in a JSON file instead of the system's. CI has no USB drive, so a test
 * "plugs in" a BOOTSEL drive by listing a temp folder that holds an INFO_UF2.TXT.
 * The file is read at every poll; a missing file means nothing is mounted.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as v from 'valibot';
import type { MountLister } from '../flash/mount-points';

export function mockMountLister(file: string): MountLister {
  return async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const paths = v.parse(v.array(v.string()), JSON.parse(text));
    return paths.map((path) => ({ path, label: basename(path) }));
  };
}
