/**
 * What a user names when installing, as mip understands it: a package in the index
 * (`name` or `name@version`), or a URL (`github:org/repo[/path]`, `gitlab:`, `codeberg:`,
 * `http(s)://…`) to a `package.json` manifest or a single `.py`/`.mpy` file. Short host
 * forms are rewritten to raw-file HTTPS URLs exactly as micropython-lib's mip does.
 */
import { PackageManifestError } from './package-errors';

/** The public MicroPython package index. */
export const DEFAULT_INDEX = 'https://micropython.org/pi/v2';

/** `{org}/{repo}/{branch}/{path}` templates of the raw-file hosts mip knows. */
const HOSTS: Record<string, (org: string, repo: string, branch: string, path: string) => string> = {
  'github:': (org, repo, branch, path) => `https://raw.githubusercontent.com/${org}/${repo}/${branch}/${path}`,
  'gitlab:': (org, repo, branch, path) => `https://gitlab.com/${org}/${repo}/-/raw/${branch}/${path}`,
  'codeberg:': (org, repo, branch, path) => `https://codeberg.org/api/v1/repos/${org}/${repo}/raw/${path}?ref=${branch}`,
};

const URL_PREFIXES = ['http://', 'https://', ...Object.keys(HOSTS)];

export function isPackageUrl(spec: string): boolean {
  return URL_PREFIXES.some((prefix) => spec.startsWith(prefix));
}

/**
 * `github:org/repo/path` → `https://raw.githubusercontent.com/org/repo/{branch or HEAD}/path`;
 * plain http(s) URLs are returned unchanged.
 */
export function rewriteUrl(url: string, branch?: string): string {
  for (const [prefix, format] of Object.entries(HOSTS)) {
    if (!url.startsWith(prefix)) continue;
    const [org = '', repo = '', ...path] = url.slice(prefix.length).split('/');
    if (!org || !repo) throw new PackageManifestError(`"${url}" needs both an organisation and a repository, e.g. ${prefix}org/repo.`);
    return format(org, repo, branch || 'HEAD', path.join('/'));
  }
  return url;
}

export type PackageSource =
  /** A name in the index; `version` is `latest` unless one was given. */
  | { kind: 'index'; name: string; version: string }
  /** A manifest URL (already rewritten), with the branch used for its relative URLs. */
  | { kind: 'manifest'; url: string; version: string | undefined; label: string }
  /** One `.py`/`.mpy` file, installed as `target/basename`. */
  | { kind: 'file'; url: string; fileName: string; label: string };

/** Splits `PKG@VERSION` (the version is a tag or branch for URLs). */
export function splitVersion(spec: string): { name: string; version: string | undefined } {
  // A URL's own "@" (user@host) comes before the path; the version is after the last "@".
  const at = spec.lastIndexOf('@');
  if (at <= 0 || spec.slice(at).includes('/')) return { name: spec, version: undefined };
  return { name: spec.slice(0, at), version: spec.slice(at + 1) || undefined };
}

/** Classifies a package spec (`name[@version]` or a URL) the way mip does. */
export function parsePackageSpec(spec: string, versionOverride?: string): PackageSource {
  const split = splitVersion(spec.trim());
  const name = split.name;
  const version = versionOverride ?? split.version;
  if (!name) throw new PackageManifestError('A package name or URL is needed.');
  if (isPackageUrl(name)) {
    if (name.endsWith('.py') || name.endsWith('.mpy')) {
      const fileName = name.slice(name.lastIndexOf('/') + 1);
      return { kind: 'file', url: rewriteUrl(name, version), fileName, label: name };
    }
    const manifest = name.endsWith('.json') ? name : `${name.replace(/\/?$/, '/')}package.json`;
    return { kind: 'manifest', url: rewriteUrl(manifest, version), version, label: name };
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) throw new PackageManifestError(`"${name}" is not a package name or a github:, gitlab:, codeberg: or http(s):// URL.`);
  return { kind: 'index', name, version: version ?? 'latest' };
}

/** Where the index keeps a package's manifest for one .mpy ABI (or `py` for source). */
export function indexManifestUrl(index: string, mpy: string, name: string, version: string): string {
  return `${index}/package/${mpy}/${name}/${version}.json`;
}

/** Where the index keeps a file by its short sha256. */
export function indexFileUrl(index: string, shortHash: string): string {
  return `${index}/file/${shortHash.slice(0, 2)}/${shortHash}`;
}
