/**
 * Turns what the user asked for into the complete list of files to put on the board:
 * manifests and files are downloaded on the host, dependencies followed, and every file
 * from the index checked against its manifest hash. Only a plan whose every file arrived
 * and matched is returned, so nothing reaches the board from a broken download.
 */
import { createHash } from 'node:crypto';
import type { HttpGetOptions } from './http-get';
import { parseManifest } from './manifest';
import { PackageIntegrityError, PackageNotFoundError } from './package-errors';
import { indexFileUrl, indexManifestUrl, isPackageUrl, parsePackageSpec, rewriteUrl, type PackageSource } from './package-source';

export interface PlannedFile {
  /** Relative to the install folder, e.g. `umqtt/simple.py`. */
  path: string;
  data: Uint8Array;
  sha256: string;
  /** The package that brought it. */
  packageName: string;
}

export interface PlannedPackage {
  name: string;
  version: string;
  /** What the user typed, for the ones asked for; undefined for dependencies. */
  requested?: string;
  files: string[];
  deps: string[];
}

export interface InstallPlan {
  packages: PlannedPackage[];
  files: PlannedFile[];
}

export interface ResolveOptions {
  index: string;
  /** `py`, or the board's .mpy ABI version as the index names it. */
  mpy: string;
  get: (url: string, options: HttpGetOptions) => Promise<Uint8Array>;
  signal?: AbortSignal | undefined;
  /** A line for the user per step ("Downloading …"). */
  onLog?: (line: string) => void;
}

/** Downloads and checks everything `specs` need; throws before returning anything partial. */
export async function resolvePlan(specs: readonly string[], options: ResolveOptions): Promise<InstallPlan> {
  const plan: InstallPlan = { packages: [], files: [] };
  const seen = new Set<string>();
  for (const spec of specs) await addPackage(parsePackageSpec(spec), spec, plan, seen, options);
  // The same path from two packages: the later one wins, as it would on the board.
  const byPath = new Map(plan.files.map((f) => [f.path, f]));
  plan.files = [...byPath.values()];
  return plan;
}

async function addPackage(source: PackageSource, requested: string | undefined, plan: InstallPlan, seen: Set<string>, options: ResolveOptions): Promise<void> {
  const key = source.kind === 'index' ? `${source.name}@${source.version}` : source.url;
  if (seen.has(key)) return;
  seen.add(key);
  const get = (url: string): Promise<Uint8Array> => options.get(url, { signal: options.signal });
  if (source.kind === 'file') {
    options.onLog?.(`Downloading ${source.label}`);
    const data = await get(source.url);
    plan.files.push({ path: source.fileName, data, sha256: sha256(data), packageName: source.fileName.replace(/\.m?py$/, '') });
    plan.packages.push({ name: source.fileName.replace(/\.m?py$/, ''), version: '', ...(requested && { requested }), files: [source.fileName], deps: [] });
    return;
  }
  const manifestUrl = source.kind === 'index' ? indexManifestUrl(options.index, options.mpy, source.name, source.version) : source.url;
  const name = source.kind === 'index' ? source.name : source.label;
  options.onLog?.(source.kind === 'index' ? `Resolving ${source.name} (${source.version}) from ${options.index}` : `Resolving ${source.label}`);
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await get(manifestUrl);
  } catch (err) {
    if (err instanceof PackageNotFoundError) {
      throw new PackageNotFoundError(source.kind === 'index' ? `Package not found: ${source.name}${source.version !== 'latest' ? ` version ${source.version}` : ''} is not in the index ${options.index}.` : `Package not found: ${source.label} (${manifestUrl}).`);
    }
    throw err;
  }
  const manifest = parseManifest(manifestBytes, manifestUrl);
  const version = manifest.version ?? (source.kind === 'index' ? source.version : (source.version ?? ''));
  const entry: PlannedPackage = { name, version, ...(requested && { requested }), files: [], deps: manifest.deps.map(([dep]) => dep) };
  for (const [path, shortHash] of manifest.hashes) {
    const url = indexFileUrl(options.index, shortHash);
    options.onLog?.(`Downloading ${path}`);
    const data = await get(url).catch((err: unknown) => {
      throw err instanceof PackageNotFoundError ? new PackageNotFoundError(`File not found in the index: ${path} of ${name} (${url}); nothing was written.`) : err;
    });
    const hex = sha256(data);
    if (!hex.startsWith(shortHash)) throw new PackageIntegrityError(`Hash mismatch for ${path} of ${name}: the index promised ${shortHash}, the download is ${hex.slice(0, shortHash.length)}. Nothing was written.`);
    plan.files.push({ path, data, sha256: hex, packageName: name });
    entry.files.push(path);
  }
  // Relative URLs are relative to the manifest; github: URLs take the package's version as branch.
  const base = manifestUrl.slice(0, manifestUrl.lastIndexOf('/'));
  const branch = source.kind === 'index' ? undefined : source.version;
  for (const [path, url] of manifest.urls) {
    const absolute = isPackageUrl(url) ? rewriteUrl(url, branch) : `${base}/${url}`;
    options.onLog?.(`Downloading ${path}`);
    const data = await get(absolute).catch((err: unknown) => {
      throw err instanceof PackageNotFoundError ? new PackageNotFoundError(`File not found: ${path} of ${name} (${absolute}); nothing was written.`) : err;
    });
    plan.files.push({ path, data, sha256: sha256(data), packageName: name });
    entry.files.push(path);
  }
  plan.packages.push(entry);
  for (const [dep, depVersion] of manifest.deps) await addPackage(parsePackageSpec(dep, depVersion || undefined), undefined, plan, seen, options);
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
