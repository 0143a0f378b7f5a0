/**
 * A mip package manifest (`package.json` in a repo, or `{version}.json` in the index):
 * `hashes` of files kept in the index, `urls` of files fetched from anywhere, and `deps`
 * installed recursively. Parsed strictly: paths must stay inside the install folder.
 */
import * as v from 'valibot';
import { PackageManifestError } from './package-errors';

const pair = v.tuple([v.string(), v.string()]);
const manifestSchema = v.object({
  hashes: v.optional(v.array(pair), []),
  urls: v.optional(v.array(pair), []),
  deps: v.optional(v.array(v.union([pair, v.tuple([v.string()])])), []),
  version: v.optional(v.string()),
});

export interface PackageManifest {
  /** [relative path, short sha256 hex] */
  hashes: [string, string][];
  /** [relative path, URL (absolute, github:…, or relative to the manifest)] */
  urls: [string, string][];
  /** [name or URL, version or ''] */
  deps: [string, string][];
  version: string | undefined;
}

export function parseManifest(bytes: Uint8Array, from: string): PackageManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new PackageManifestError(`${from} is not a JSON package manifest.`);
  }
  const parsed = v.safeParse(manifestSchema, json);
  if (!parsed.success) throw new PackageManifestError(`${from} is not a mip package manifest: ${parsed.issues[0]?.message ?? 'bad shape'}.`);
  const { hashes, urls, deps, version } = parsed.output;
  for (const [path] of [...hashes, ...urls]) checkRelativePath(path, from);
  for (const [, hash] of hashes) if (!/^[0-9a-f]{4,64}$/.test(hash)) throw new PackageManifestError(`${from} gives "${hash}" as a hash; a hex sha256 prefix was expected.`);
  return { hashes, urls, deps: deps.map(([name, depVersion]) => [name, depVersion ?? '']), version };
}

/** A file's path inside the install folder: relative, `/`-separated, no `..`. */
function checkRelativePath(path: string, from: string): void {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new PackageManifestError(`${from} names the file "${path}", which would land outside the install folder.`);
  }
}
