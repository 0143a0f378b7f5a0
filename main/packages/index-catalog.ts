/**
 * The index's list of packages (`index.json`) for searching in the app: fetched once,
 * kept in the user-data folder with the time it was fetched, and served from there when
 * the network is gone (the panel shows how old it is).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { httpGet, type HttpGetOptions } from './http-get';
import type { CatalogPackage, PackageCatalog } from '../../preload/contract-types';
import { PackageManifestError } from './package-errors';

const entrySchema = v.object({
  name: v.string(),
  version: v.optional(v.string(), ''),
  description: v.optional(v.string(), ''),
  author: v.optional(v.union([v.string(), v.array(v.string())]), ''),
  license: v.optional(v.string(), ''),
  homepage: v.optional(v.string()),
  deps: v.optional(v.array(v.union([v.string(), v.array(v.string())])), []),
});
const indexSchema = v.object({ packages: v.array(v.unknown()) });

export function parseIndexJson(bytes: Uint8Array, from: string): CatalogPackage[] {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new PackageManifestError(`${from} is not JSON.`);
  }
  const parsed = v.safeParse(indexSchema, json);
  if (!parsed.success) throw new PackageManifestError(`${from} has no package list.`);
  const out: CatalogPackage[] = [];
  for (const raw of parsed.output.packages) {
    const entry = v.safeParse(entrySchema, raw);
    if (!entry.success) continue; // One odd entry must not hide the rest.
    const e = entry.output;
    out.push({
      name: e.name,
      version: e.version,
      description: e.description,
      author: Array.isArray(e.author) ? e.author.join(', ') : e.author,
      license: e.license,
      ...(e.homepage && { homepage: e.homepage }),
      deps: e.deps.map((d) => (Array.isArray(d) ? String(d[0] ?? '') : d)).filter(Boolean),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fetches the catalog, or (when that fails) returns the cached copy; throws only with neither. */
export async function loadCatalog(index: string, cacheFile: string, options: { refresh?: boolean; http?: HttpGetOptions; now?: () => number } = {}): Promise<PackageCatalog> {
  const cached = await readCache(cacheFile, index);
  if (cached && !options.refresh) return cached;
  try {
    const url = `${index}/index.json`;
    const packages = parseIndexJson(await httpGet(url, options.http), url);
    const catalog: PackageCatalog = { index, fetchedAt: (options.now ?? Date.now)(), fromCache: false, packages };
    await writeCache(cacheFile, catalog);
    return catalog;
  } catch (err) {
    if (!cached) throw err;
    return { ...cached, fromCache: true, offlineReason: err instanceof Error ? err.message : String(err) };
  }
}

async function readCache(file: string, index: string): Promise<PackageCatalog | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as PackageCatalog;
    if (saved.index !== index || !Array.isArray(saved.packages)) return null;
    return { index, fetchedAt: Number(saved.fetchedAt) || 0, fromCache: true, packages: saved.packages };
  } catch {
    return null;
  }
}

async function writeCache(file: string, catalog: PackageCatalog): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ index: catalog.index, fetchedAt: catalog.fetchedAt, packages: catalog.packages }));
  await rename(temp, file);
}
