/**
 * The checks every web-mode request passes before anything else: the secret token,
 * a loopback Host header (against DNS rebinding) and, when a browser sends one, an
 * Origin that is this server's own (against other sites' pages).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardConfig {
  token: string;
  /** Host header values accepted, e.g. `127.0.0.1:8123` and `localhost:8123`. */
  allowedHosts: Set<string>;
}

export type GuardVerdict = { ok: true; rest: string } | { ok: false; status: 401 | 403 | 404; reason: string };

/** Every URL of the app starts with this, followed by the token. */
export const TOKEN_PATH_PREFIX = '/t/';

export function tokensMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks one request; on success returns the path after `/t/<token>`. */
export function checkRequest(request: IncomingMessage, config: GuardConfig): GuardVerdict {
  const host = request.headers.host ?? '';
  if (!config.allowedHosts.has(host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'wrong Host header' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !config.allowedHosts.has(originHost(origin))) {
    return { ok: false, status: 403, reason: 'wrong Origin' };
  }
  let path: string;
  try {
    path = new URL(request.url ?? '/', 'http://placeholder').pathname;
  } catch {
    return { ok: false, status: 404, reason: 'bad URL' };
  }
  if (!path.startsWith(TOKEN_PATH_PREFIX)) return { ok: false, status: 401, reason: 'no token' };
  const afterPrefix = path.slice(TOKEN_PATH_PREFIX.length);
  const slash = afterPrefix.indexOf('/');
  const given = slash === -1 ? afterPrefix : afterPrefix.slice(0, slash);
  if (!tokensMatch(config.token, given)) return { ok: false, status: 401, reason: 'wrong token' };
  return { ok: true, rest: slash === -1 ? '/' : afterPrefix.slice(slash) };
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}
