/** What to install and where: the shape `flash:install` takes, shared by the app and the CLI. */
import * as v from 'valibot';

const hostPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.check((p) => !p.includes('\0'), 'no NUL'));

export const installRequestSchema = v.strictObject({
  firmware: v.variant('source', [
    /** A release from the board list; main only fetches URLs that list holds. */
    v.strictObject({ source: v.literal('release'), boardId: v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,64}$/)), url: v.pipe(v.string(), v.url()) }),
    /** "Use a local file…": the file's bytes, read by the renderer. */
    v.strictObject({
      source: v.literal('file'),
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.regex(/\.(uf2|hex|bin)$/i, 'a .uf2, .hex or .bin file')),
      bytes: v.pipe(v.instance(Uint8Array), v.check((b) => b.byteLength > 0 && b.byteLength <= 16 * 1024 * 1024, '1 byte to 16 MiB')),
    }),
  ]),
  target: v.variant('kind', [
    v.strictObject({ kind: v.literal('drive'), path: hostPath }),
    v.strictObject({ kind: v.literal('serial'), path: hostPath, erase: v.boolean() }),
  ]),
});

export type InstallRequest = v.InferOutput<typeof installRequestSchema>;
