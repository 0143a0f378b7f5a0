/**
 * The example programs that ship with the app: resources/examples in a checkout, the
 * package's resources/examples once installed (electron-builder.yml, extraResources).
 * Only plain `.py` names directly in that folder can be listed or read; the renderer
 * gets their text, never a path, so a copy can never be saved over the original.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExampleInfo } from '../../preload/contract-types';
import { UserFacingError } from '../services/user-facing-error';

/** The same rule as the contract's `exampleNameSchema`, checked again where the file is opened. */
const EXAMPLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}\.py$/;
/** Far above any example; a bound, so a stray large file is never sent to the page. */
const MAX_EXAMPLE_BYTES = 256 * 1024;

/** The examples, sorted by name, each with the first line of its opening comment. An absent folder lists none. */
export async function listExamples(dir: string): Promise<ExampleInfo[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && EXAMPLE_NAME.test(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  const examples = await Promise.all(
    names.sort().map(async (name) => ({ name, summary: summaryOf(await readFile(join(dir, name), 'utf8').catch(() => '')) })),
  );
  return examples;
}

/** One example's text. Anything but a listed example's name is refused as not found. */
export async function readExample(dir: string, name: string): Promise<string> {
  const notFound = () => new UserFacingError('not-found', `There is no example named "${name}".`);
  if (!EXAMPLE_NAME.test(name)) throw notFound();
  try {
    // Even a symbolic link placed among the examples may not lead out of their folder.
    const file = await realpath(join(dir, name));
    if (dirname(file) !== (await realpath(dir))) throw notFound();
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_EXAMPLE_BYTES) throw notFound();
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('not-found', `There is no example named "${name}".`, undefined, undefined, { cause: error });
  }
}

/** `# Blink the on-board LED once a second.` → `Blink the on-board LED once a second.` */
function summaryOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return first.replace(/^\s*#\s?/, '').trim().slice(0, 200);
}
