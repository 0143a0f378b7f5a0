/**
 * Serves the built renderer (`out/renderer`) for web mode: only files inside that
 * folder, with a strict CSP on every response and no caching of the token page.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // The icon font (@vscode/codicons).
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.py': 'text/x-python; charset=utf-8',
};

export function contentSecurityPolicy(socketOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sends `relativePath` from `root`, or a 404. Paths that climb out of `root` are 404s too. */
export async function sendStaticFile(
  response: ServerResponse,
  root: string,
  relativePath: string,
  csp: string,
): Promise<void> {
  const wanted = relativePath === '/' ? '/index.html' : relativePath;
  let decoded: string;
  try {
    decoded = decodeURIComponent(wanted);
  } catch {
    return notFound(response);
  }
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound(response);
  try {
    if (!(await stat(file)).isFile()) return notFound(response);
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end(body);
  } catch {
    notFound(response);
  }
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain' });
  response.end('Not found');
}
