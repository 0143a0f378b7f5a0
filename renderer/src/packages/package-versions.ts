/** Which installed packages the index has a newer version of: dotted numbers compared part by part. */
import type { CatalogPackage, InstalledPackageInfo } from '../../../preload/contract-types';

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const diff = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export type PackageState = { kind: 'available' } | { kind: 'installed'; version: string } | { kind: 'update'; from: string; to: string };

export function stateOf(entry: CatalogPackage, installed: InstalledPackageInfo | undefined): PackageState {
  if (!installed) return { kind: 'available' };
  if (entry.version && installed.version && compareVersions(entry.version, installed.version) > 0) return { kind: 'update', from: installed.version, to: entry.version };
  return { kind: 'installed', version: installed.version };
}

/** Case-insensitive match on name and description; names that start with the query first. */
export function searchCatalog(packages: readonly CatalogPackage[], query: string): CatalogPackage[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...packages];
  const hits = packages.filter((p) => p.name.toLowerCase().includes(q) || p.description.toLowerCase().includes(q));
  const rank = (p: CatalogPackage): number => (p.name.toLowerCase().startsWith(q) ? 0 : p.name.toLowerCase().includes(q) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
