/**
 * Host downloads: mip's URL rewriting, the proxy the environment names (a local proxy
 * the test runs: plain HTTP forwarding, and a CONNECT tunnel as HTTPS_PROXY uses), the
 * one retry, 404s, and a timeout instead of a hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet, proxyFor } from '../../main/packages/http-get';
import { PackageNetworkError, PackageNotFoundError } from '../../main/packages/package-errors';
import { parsePackageSpec, rewriteUrl } from '../../main/packages/package-source';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const shut = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('package sources (as micropython-lib mip names them)', () => {
  it('rewrites github:, gitlab: and codeberg: to raw-file URLs, HEAD unless a version is given', () => {
    expect(rewriteUrl('github:org/repo/drivers/ssd1306.py')).toBe('https://raw.githubusercontent.com/org/repo/HEAD/drivers/ssd1306.py');
    expect(rewriteUrl('github:org/repo/package.json', 'v2')).toBe('https://raw.githubusercontent.com/org/repo/v2/package.json');
    expect(rewriteUrl('gitlab:org/repo/a.py', 'main')).toBe('https://gitlab.com/org/repo/-/raw/main/a.py');
    expect(rewriteUrl('codeberg:org/repo/a.py')).toBe('https://codeberg.org/api/v1/repos/org/repo/raw/a.py?ref=HEAD');
    expect(rewriteUrl('https://example.com/x.py')).toBe('https://example.com/x.py');
  });

  it('classifies names, versions, folders, manifests and single files', () => {
    expect(parsePackageSpec('umqtt.simple')).toEqual({ kind: 'index', name: 'umqtt.simple', version: 'latest' });
    expect(parsePackageSpec('aioble@0.4.1')).toEqual({ kind: 'index', name: 'aioble', version: '0.4.1' });
    expect(parsePackageSpec('github:org/repo@dev')).toMatchObject({ kind: 'manifest', url: 'https://raw.githubusercontent.com/org/repo/dev/package.json' });
    expect(parsePackageSpec('github:org/repo/sub/')).toMatchObject({ kind: 'manifest', url: 'https://raw.githubusercontent.com/org/repo/HEAD/sub/package.json' });
    expect(parsePackageSpec('https://h.example/p/x.mpy')).toMatchObject({ kind: 'file', fileName: 'x.mpy' });
    expect(() => parsePackageSpec('"); import os #')).toThrow(/not a package name/);
  });
});

describe('httpGet', () => {
  let origin: Server;
  let originUrl: string;
  let proxy: Server;
  let proxyUrl: string;
  const proxied: string[] = [];
  /** Tunnel sockets leave the HTTP server's bookkeeping, so closing it needs them ended by hand. */
  const tunnels: Socket[] = [];
  let flaky = 0;

  beforeAll(async () => {
    origin = createServer((req, res) => {
      if (req.url === '/flaky' && flaky++ === 0) {
        req.socket.destroy(); // the first attempt dies mid-way; the retry succeeds
        return;
      }
      if (req.url === '/missing') res.writeHead(404).end();
      else if (req.url === '/moved') res.writeHead(302, { location: '/hello' }).end();
      else res.writeHead(200).end(`hello from ${req.url}`);
    });
    originUrl = await listen(origin);
    // A minimal forward proxy: absolute-URL GETs, and CONNECT tunnels.
    proxy = createServer((req: IncomingMessage, res) => {
      proxied.push(`GET ${req.url}`);
      const upstream = request(req.url as string, { method: 'GET' }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.end();
    });
    proxy.on('connect', (req: IncomingMessage, client: Socket) => {
      proxied.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url as string).split(':');
      tunnels.push(client);
      const server = connect(Number(port), host as string, () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        server.pipe(client);
        client.pipe(server);
      });
      tunnels.push(server);
      server.on('error', () => client.destroy());
    });
    proxyUrl = await listen(proxy);
  });
  afterAll(async () => {
    for (const socket of tunnels) socket.destroy();
    await shut(origin);
    await shut(proxy);
  });

  it('gets, follows redirects, and says 404 is not found', async () => {
    expect(new TextDecoder().decode(await httpGet(`${originUrl}/moved`, { env: {} }))).toBe('hello from /hello');
    await expect(httpGet(`${originUrl}/missing`, { env: {} })).rejects.toThrow(PackageNotFoundError);
  });

  it('retries once after a dropped connection', async () => {
    expect(new TextDecoder().decode(await httpGet(`${originUrl}/flaky`, { env: {} }))).toBe('hello from /flaky');
    expect(flaky).toBe(2);
  });

  it('goes through HTTP_PROXY for http URLs, and NO_PROXY exempts hosts', async () => {
    proxied.length = 0;
    expect(new TextDecoder().decode(await httpGet(`${originUrl}/via`, { env: { HTTP_PROXY: proxyUrl } }))).toBe('hello from /via');
    expect(proxied).toEqual([`GET ${originUrl}/via`]);
    expect(proxyFor(new URL(`${originUrl}/x`), { HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' })).toBeNull();
  });

  it('tunnels https URLs through HTTPS_PROXY with CONNECT', async () => {
    proxied.length = 0;
    // The origin speaks plain HTTP, so TLS inside the tunnel fails, but only after the proxy was asked for the tunnel.
    await expect(httpGet(`https://127.0.0.1:${new URL(originUrl).port}/secret`, { env: { HTTPS_PROXY: proxyUrl }, timeoutMs: 3000 })).rejects.toThrow(PackageNetworkError);
    expect(proxied[0]).toBe(`CONNECT 127.0.0.1:${new URL(originUrl).port}`);
  });

  it('fetches https through the HTTPS_PROXY tunnel end to end (a local TLS server, its own certificate)', async () => {
    // A throw-away self-signed certificate for 127.0.0.1, made by openssl for this test.
    const dir = mkdtempSync(join(tmpdir(), 'mpstudio-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      const cert = readFileSync(join(dir, 'cert.pem'));
      const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => res.writeHead(200).end(`secret ${req.url}`));
      const port = new URL(await listen(tls as unknown as Server)).port;
      try {
        proxied.length = 0;
        const body = await httpGet(`https://127.0.0.1:${port}/index.json`, { env: { HTTPS_PROXY: proxyUrl }, ca: cert });
        expect(new TextDecoder().decode(body)).toBe('secret /index.json');
        expect(proxied).toEqual([`CONNECT 127.0.0.1:${port}`]);
      } finally {
        await shut(tls as unknown as Server);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up within the timeout (twice: one retry) when nothing answers', async () => {
    const silent = createServer(() => undefined);
    const url = await listen(silent);
    try {
      const started = Date.now();
      await expect(httpGet(`${url}/index.json`, { env: {}, timeoutMs: 400 })).rejects.toThrow(/No answer from 127\.0\.0\.1:\d+ within 0\.4 s/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await shut(silent);
    }
  });
});
