/**
 * Host-side downloads for packages: one GET with a timeout and one retry, through the
 * proxy the environment names (HTTPS_PROXY / HTTP_PROXY, minus NO_PROXY), as curl and
 * pip read them. No network is a PackageNetworkError within the timeout, never a hang.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import * as tls from 'node:tls';
import { TransferCancelledError } from '../board/errors';
import { PackageNetworkError, PackageNotFoundError } from './package-errors';

export interface HttpGetOptions {
  /** Per attempt, from connecting to the last byte. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
  /** The environment to read proxy settings from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /** Extra CA certificates to trust (tests with a local TLS server). */
  ca?: string | Buffer;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** Package files are small; this bounds a runaway response. */
const MAX_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** GETs `url`; a 404 is PackageNotFoundError, other failures are retried once, then PackageNetworkError. */
export async function httpGet(url: string, options: HttpGetOptions = {}): Promise<Uint8Array> {
  try {
    return await getFollowingRedirects(url, options);
  } catch (err) {
    if (err instanceof PackageNotFoundError || err instanceof TransferCancelledError || options.signal?.aborted) throw err;
    // One retry: a dropped connection or a slow first answer is often transient.
    return await getFollowingRedirects(url, options);
  }
}

async function getFollowingRedirects(url: string, options: HttpGetOptions): Promise<Uint8Array> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await getOnce(current, options);
    if ('redirect' in answer) {
      current = new URL(answer.redirect, current).toString();
      continue;
    }
    return answer.body;
  }
  throw new PackageNetworkError(url, `Too many redirects requesting ${url}.`);
}

/** The proxy URL for `target`, or null for a direct connection. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | null {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const host = target.hostname.toLowerCase();
  if (noProxy.some((entry) => entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`))) return null;
  const raw = target.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!raw) return null;
  try {
    return new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new PackageNetworkError(raw, `The proxy setting "${raw}" is not a URL.`);
  }
}

type Answer = { body: Uint8Array } | { redirect: string };

function getOnce(url: string, options: HttpGetOptions): Promise<Answer> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(new PackageNetworkError(url, `Only http and https URLs can be downloaded: ${url}`));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const proxy = proxyFor(target, options.env);
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    const cleanups: (() => void)[] = [];
    const finish = (err: unknown, answer?: Answer): void => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      if (err) reject(err);
      else resolve(answer as Answer);
    };
    const timer = setTimeout(() => finish(new PackageNetworkError(url, `No answer from ${target.host} within ${timeoutMs < 1000 ? (timeoutMs / 1000).toFixed(1) : Math.round(timeoutMs / 1000)} s requesting ${url}.`)), timeoutMs);
    cleanups.push(() => clearTimeout(timer));
    const onAbort = (): void => finish(new TransferCancelledError('Install cancelled; nothing more was written to the board.'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
    const fail = (err: Error): void => finish(new PackageNetworkError(url, `${describeNetError(err)} requesting ${url}.`, err));
    const onResponse = (response: http.IncomingMessage): void => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        finish(null, { redirect: response.headers.location });
        return;
      }
      if (status === 404) {
        response.resume();
        finish(new PackageNotFoundError(`Not found (404): ${url}`));
        return;
      }
      if (status !== 200) {
        response.resume();
        finish(new PackageNetworkError(url, `Error ${status} requesting ${url}.`));
        return;
      }
      const parts: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) finish(new PackageNetworkError(url, `${url} is larger than ${MAX_BYTES} bytes.`));
        else parts.push(chunk);
      });
      response.on('end', () => finish(null, { body: new Uint8Array(Buffer.concat(parts)) }));
      response.on('error', fail);
    };
    const start = (request: http.ClientRequest): void => {
      cleanups.push(() => request.destroy());
      request.on('response', onResponse);
      request.on('error', fail);
      request.end();
    };
    if (!proxy) {
      start((target.protocol === 'https:' ? https : http).request(target, { method: 'GET', ca: options.ca }));
    } else if (target.protocol === 'http:') {
      // Plain HTTP through a proxy: ask the proxy for the absolute URL.
      start(http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'GET', path: target.toString(), headers: { host: target.host, ...proxyAuth(proxy) } }));
    } else {
      // HTTPS through a proxy: a CONNECT tunnel, then TLS to the real host inside it.
      const connect = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: `${target.hostname}:${target.port || 443}`, headers: { host: `${target.hostname}:${target.port || 443}`, ...proxyAuth(proxy) } });
      cleanups.push(() => connect.destroy());
      connect.on('connect', (response: http.IncomingMessage, socket: Socket) => {
        if (response.statusCode !== 200) {
          socket.destroy();
          finish(new PackageNetworkError(url, `The proxy ${proxy.host} refused the tunnel to ${target.host} (${response.statusCode}).`));
          return;
        }
        const secure = tls.connect({ socket, servername: target.hostname, ca: options.ca });
        start(https.request(target, { method: 'GET', createConnection: () => secure }));
      });
      connect.on('error', (err) => finish(new PackageNetworkError(url, `Cannot reach the proxy ${proxy.host}: ${describeNetError(err)}.`, err)));
      connect.end();
    }
  });
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function describeNetError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'No network (the host name cannot be resolved)';
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ECONNRESET') return 'Connection reset';
  if (code === 'ETIMEDOUT') return 'Connection timed out';
  return err.message || 'Network error';
}
