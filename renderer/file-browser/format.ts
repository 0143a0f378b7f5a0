/** Sizes, speeds and paths as the file browser shows and joins them. */

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`;
}

export type Side = 'board' | 'local';

/** The root of a side: `/` on the board, `''` (the project folder) locally. */
export const rootOf = (side: Side) => (side === 'board' ? '/' : '');

export function baseName(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? '';
}

export function parentOf(side: Side, path: string): string {
  const i = path.lastIndexOf('/');
  if (side === 'board') return i <= 0 ? '/' : path.slice(0, i);
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(side: Side, dir: string, name: string): string {
  if (side === 'board') return dir === '/' || dir === '' ? `/${name}` : `${dir}/${name}`;
  return dir ? `${dir}/${name}` : name;
}

/** True when `path` is `dir` or lies inside it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

let counter = 0;
/** A transfer id the contract accepts (`[A-Za-z0-9_-]`, short). */
export function newTransferId(): string {
  counter = (counter + 1) % 1_000_000;
  return `t${Date.now().toString(36)}${counter.toString(36)}`;
}
