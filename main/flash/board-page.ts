/**
 * Reads the firmware links from a micropython.org board page
 * (`https://micropython.org/download/{BOARD}/`). Files are named
 * `{BOARD}[-{VARIANT}]-{YYYYMMDD}-v{VERSION}.{ext}`, under /resources/firmware/.
 */
import type { FirmwareRelease } from '../../preload/contract-types';

const LINK = /href="([^"]*\/resources\/firmware\/([^"/]+))"/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every release of `boardId` with file type `ext` the page links to, newest first. */
export function parseBoardPage(html: string, pageUrl: string, boardId: string, ext: string): FirmwareRelease[] {
  const name = new RegExp(`^${escapeRegExp(boardId)}(?:-([A-Z0-9_]+))?-(\\d{4})(\\d{2})(\\d{2})-v(\\d+\\.\\d+\\.\\d+(?:-[A-Za-z0-9.]+)?)\\.${escapeRegExp(ext)}$`);
  const releases = new Map<string, FirmwareRelease>();
  for (const match of html.matchAll(LINK)) {
    const file = decodeURIComponent(match[2] as string);
    const parts = name.exec(file);
    if (!parts) continue;
    const [, variant = '', year, month, day, version = ''] = parts;
    const url = new URL(match[1] as string, pageUrl).toString();
    releases.set(url, { version, date: `${year}-${month}-${day}`, variant, url, preview: version.includes('preview') });
  }
  return [...releases.values()].sort((a, b) => b.date.localeCompare(a.date) || compareVersions(b.version, a.version));
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((n) => Number(n) || 0);
  const pb = b.split(/[.-]/).map((n) => Number(n) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest stable release of the standard variant, or the newest of any kind. */
export function latestStable(releases: FirmwareRelease[], variant = ''): FirmwareRelease | undefined {
  return releases.find((r) => !r.preview && r.variant === variant) ?? releases.find((r) => r.variant === variant) ?? releases[0];
}
