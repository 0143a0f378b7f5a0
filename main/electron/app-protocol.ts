/**
 * The page is served from `app://studio/`, a privileged scheme (standard and secure),
 * as Electron's security checklist recommends, not from `file://`: with the fuse
 * `grantFileProtocolExtraPrivileges` off, a file:// page cannot fetch its own module
 * scripts (electron/electron#40801). The handler serves only files inside the built
 * renderer folder, each with the desktop page's CSP as a response header.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { DESKTOP_CSP } from './desktop-csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;


const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  // The icon font (@vscode/codicons).
  '.ttf': 'font/ttf',
  '.py': 'text/x-python; charset=utf-8',
};

/** Before `app` is ready: the scheme behaves like https (origin, secure context, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After `app` is ready: answers `app://studio/<path>` from `rendererDir`, nothing else. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(rendererDir, request.url));
}

export async function serveAppFile(rendererDir: string, requestUrl: string): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return notFound();
  }
  const root = normalize(rendererDir);
  const file = normalize(join(root, path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound();
  try {
    const body = await readFile(file);
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    };
    // Electronegativity evaluates only literal policies: this one is tested in Chromium (test/electron/desktop-csp.test.ts).
    headers['content-security-policy'] = DESKTOP_CSP; // eng-disable CSP_GLOBAL_CHECK
    return new Response(body, { headers });
  } catch {
    return notFound();
  }
}
