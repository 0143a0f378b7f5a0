/**
 * A mip package index served by a local HTTP server the test starts, in the same layout
 * as micropython.org/pi/v2: `index.json`, `package/{py|mpy}/{name}/{version}.json`, and
 * `file/{hash[:2]}/{hash}`. Its small packages cover what an install meets: files by
 * hash and by (relative) URL, dependencies two levels deep, a .mpy variant, a package
 * that needs folders, a file missing from the index, a file whose bytes do not match its
 * hash, and a large file for board-full cases. The internet is never used.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** mpst_base.py compiled by mpy-cross 1.29 (.mpy v6.3): see test/fixtures/packages/README.md. */
const MPY_BASE = readFileSync(join(import.meta.dirname, '../fixtures/packages/mpst_base.mpy'));
/** The .mpy ABI version whose folder holds the compiled variant. */
export const MPY_VERSION = '6';

export const SOURCES = {
  greet: (v: string) => `# mpst_greet ${v}\nfrom mpst_fmt import shout\nVERSION = '${v}'\n\ndef greet(name):\n    return shout('hello ' + name)\n`,
  fmt: `from mpst_base import stars\n\ndef shout(s):\n    return stars(s.upper())\n`,
  base: `KIND = 'py'\n\ndef stars(s):\n    return '*' + s + '*'\n`,
  treeInit: `from mpst_tree.leaf import leaf\n`,
  treeLeaf: `from mpst_greet import greet\n\ndef leaf():\n    return 'leaf:' + greet('tree')\n`,
};

interface Manifest {
  hashes?: [string, string][];
  urls?: [string, string][];
  deps?: [string, string][];
  version?: string;
}

export interface PackageIndexServer {
  /** e.g. http://127.0.0.1:PORT/pi (no trailing slash). */
  url: string;
  /** Every request path, in order. */
  requests: string[];
  /** Publishes mpst_greet at another version (what "Update" finds). */
  publishGreetVersion(version: string): void;
  /** Delays every answer by this many ms (Cancel tests). */
  delayMs: number;
  close(): Promise<void>;
}

const sha = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
/** The index uses 8 hex digits of sha256, as micropython-lib's does. */
const short = (data: Uint8Array | string): string => sha(data).slice(0, 8);

export async function startPackageIndex(options: { bigFileBytes?: number } = {}): Promise<PackageIndexServer> {
  const routes = new Map<string, Uint8Array>();
  const put = (path: string, data: Uint8Array | string): void => void routes.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const file = (data: Uint8Array | string): string => {
    const hash = short(data);
    put(`/file/${hash.slice(0, 2)}/${hash}`, data);
    return hash;
  };
  const manifest = (abi: string, name: string, m: Manifest): void => {
    const json = JSON.stringify(m);
    put(`/package/${abi}/${name}/latest.json`, json);
    if (m.version) put(`/package/${abi}/${name}/${m.version}.json`, json);
  };
  const both = (name: string, m: Manifest): void => {
    manifest('py', name, m);
    manifest(MPY_VERSION, name, m);
  };
  const index: { name: string; version: string; description: string; author: string; license: string; deps?: string[] }[] = [];

  // Level 2: a file by hash; the .mpy ABI folder holds a compiled variant.
  manifest('py', 'mpst_base', { hashes: [['mpst_base.py', file(SOURCES.base)]], version: '1.0.0' });
  manifest(MPY_VERSION, 'mpst_base', { hashes: [['mpst_base.mpy', file(MPY_BASE)]], version: '1.0.0' });
  // Level 1: a file by URL, relative to the manifest.
  both('mpst_fmt', { urls: [['mpst_fmt.py', 'mpst_fmt.py']], deps: [['mpst_base', '']], version: '0.3.0' });
  put(`/package/py/mpst_fmt/mpst_fmt.py`, SOURCES.fmt);
  put(`/package/${MPY_VERSION}/mpst_fmt/mpst_fmt.py`, SOURCES.fmt);
  const publishGreet = (version: string): void => {
    both('mpst_greet', { hashes: [['mpst_greet.py', file(SOURCES.greet(version))]], deps: [['mpst_fmt', 'latest']], version });
    const entry = index.find((p) => p.name === 'mpst_greet');
    if (entry) entry.version = version;
  };
  publishGreet('1.0.0');
  // Needs folders: refused on a flat file system.
  both('mpst_tree', { hashes: [['mpst_tree/__init__.py', file(SOURCES.treeInit)], ['mpst_tree/leaf.py', file(SOURCES.treeLeaf)]], deps: [['mpst_greet', '']], version: '2.0.0' });
  // A file the index lists but does not hold.
  const absent = short('never served');
  both('mpst_missing', { hashes: [['mpst_ok.py', file('OK = 1\n')], ['mpst_absent.py', absent]], version: '0.1.0' });
  // A file whose bytes do not match its hash (a damaged mirror or a meddling proxy).
  const promised = short('X = 1\n');
  both('mpst_tampered', { hashes: [['mpst_tampered.py', promised]], version: '0.1.0' });
  put(`/file/${promised.slice(0, 2)}/${promised}`, 'X = 666\n');
  // A large file (board-full cases), plus a small one before it that must be rolled back.
  const bigSize = options.bigFileBytes ?? 20_000;
  const big = `# ${'x'.repeat(bigSize - 8)}\nB=1\n`;
  both('mpst_big', { hashes: [['mpst_big_a.py', file('A = 1\n')], ['mpst_big.py', file(big)]], version: '0.1.0' });

  index.push(
    { name: 'mpst_greet', version: '1.0.0', description: 'Greets people, loudly (test package with two levels of dependencies).', author: 'MicroPython Studio tests', license: 'MIT', deps: ['mpst_fmt'] },
    { name: 'mpst_fmt', version: '0.3.0', description: 'Shouting text formatter.', author: 'MicroPython Studio tests', license: 'MIT', deps: ['mpst_base'] },
    { name: 'mpst_base', version: '1.0.0', description: 'Puts stars around text.', author: 'MicroPython Studio tests', license: 'MIT' },
    { name: 'mpst_tree', version: '2.0.0', description: 'A package in a folder.', author: 'MicroPython Studio tests', license: 'MIT', deps: ['mpst_greet'] },
    { name: 'mpst_missing', version: '0.1.0', description: 'Lists a file the index does not have.', author: 'MicroPython Studio tests', license: 'MIT' },
    { name: 'mpst_tampered', version: '0.1.0', description: 'Its file does not match its hash.', author: 'MicroPython Studio tests', license: 'MIT' },
    { name: 'mpst_big', version: '0.1.0', description: 'Too large for small boards.', author: 'MicroPython Studio tests', license: 'MIT' },
  );

  const requests: string[] = [];
  const state = { delayMs: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/^\/pi/, '');
    requests.push(path);
    const answer = (): void => {
      if (path === '/index.json') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ v: 2, updated: '2026-12-01', packages: index }));
        return;
      }
      const body = routes.get(path);
      if (!body) res.writeHead(404).end('not found');
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    };
    if (state.delayMs > 0) setTimeout(answer, state.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pi`,
    requests,
    publishGreetVersion: publishGreet,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that accepts connections and never answers: "the index does not answer". */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pi`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
