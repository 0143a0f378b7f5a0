/**
 * A local HTTP server for download tests: it serves a board page shaped like
 * micropython.org's and the files it links, and can misbehave on purpose (a wrong
 * published checksum, a server that stops answering mid-file).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FirmwareServer {
  site: string;
  /** Requests seen, by path. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServedFile {
  bytes: Uint8Array;
  /** Serve a `.sha256` next to the file: the real one, a wrong one, or none. */
  sha256?: 'right' | 'wrong' | 'none';
  /** Send this many bytes, then go silent without closing. */
  stallAfter?: number;
}

/** A board page with links in micropython.org's naming scheme. */
export function boardPageHtml(board: string, files: string[]): string {
  const links = files.map((f) => `<li><a href="/resources/firmware/${f}">${f}</a> [<a href="/resources/firmware/${f.replace(/\.\w+$/, '.elf')}">.elf</a>]</li>`);
  return `<!doctype html><html><body><h1>${board}</h1><h2>Firmware</h2><ul>${links.join('\n')}</ul></body></html>`;
}

export async function startFirmwareServer(pages: Record<string, string>, files: Record<string, ServedFile>): Promise<FirmwareServer> {
  const requests: string[] = [];
  const stalled: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const name = path.replace('/resources/firmware/', '');
    const sidecar = name.endsWith('.sha256') ? files[name.slice(0, -7)] : undefined;
    if (sidecar) {
      if ((sidecar.sha256 ?? 'none') === 'none') return void res.writeHead(404).end();
      const real = createHash('sha256').update(sidecar.bytes).digest('hex');
      const hash = sidecar.sha256 === 'right' ? real : real.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      return void res.writeHead(200).end(`${hash}  ${name.slice(0, -7)}\n`);
    }
    const file = files[name];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) });
    if (file.stallAfter !== undefined) {
      res.write(Buffer.from(file.bytes.subarray(0, file.stallAfter)));
      stalled.push(res);
      return;
    }
    res.end(Buffer.from(file.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    site: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
