/**
 * Handlers for `board:*`, `repl:*` and `fs:*` on the connection manager, and the events
 * they push: `board:statusChanged`, `board:portsChanged`, `repl:data`, `fs:progress`.
 */
import type { Handlers } from '../../preload/contract';
import type { TransferProgress } from '../../preload/contract-types';
import type { ConnectionManager } from '../board/connection-manager';
import { publicCapabilities } from '../board/fs-capabilities';
import { pyStr } from '../board/python-literal';
import { ReplScrollback } from '../board/repl-scrollback';
import type { EmitEvent } from './service-context';

type BoardChannels =
  | 'board:listPorts' | 'board:connect' | 'board:disconnect' | 'board:status' | 'board:exec' | 'board:run'
  | 'board:stop' | 'board:softReset' | 'board:hardReset' | 'board:completions'
  | 'repl:write' | 'repl:paste'
  | 'repl:write' | 'repl:recent'
  | 'fs:capabilities' | 'fs:list' | 'fs:read' | 'fs:write' | 'fs:mkdir' | 'fs:remove' | 'fs:rename'
  | 'fs:stat' | 'fs:space' | 'fs:hash' | 'fs:cancel';

/** Wires the manager's events to the renderer(s). Returns the handler group. */
export function boardHandlers(manager: ConnectionManager, emit: EmitEvent): Pick<Handlers, BoardChannels> {
  manager.on('status', (status) => emit('board:statusChanged', status));
  manager.on('ports', (ports) => emit('board:portsChanged', ports));
  const scrollback = new ReplScrollback();
  manager.on('output', (text) => {
    scrollback.append(text);
    emit('repl:data', text);
  });
  manager.watchPorts();

  const transfers = new Map<string, AbortController>();
  /** Runs a transfer with cancel support and `fs:progress` events (at most ~10 per second). */
  const transfer = async <T>(id: string | undefined, path: string, direction: TransferProgress['direction'], work: (options: { signal: AbortSignal; onProgress: (done: number, total: number) => void }) => Promise<T>): Promise<T> => {
    const transferId = id ?? `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const controller = new AbortController();
    transfers.set(transferId, controller);
    const started = Date.now();
    let lastEmit = 0;
    try {
      return await work({
        signal: controller.signal,
        onProgress: (bytesDone, bytesTotal) => {
          const now = Date.now();
          if (now - lastEmit < 100 && bytesDone < bytesTotal) return;
          lastEmit = now;
          const seconds = Math.max((now - started) / 1000, 0.001);
          emit('fs:progress', { transferId, path, direction, bytesDone, bytesTotal, bytesPerSecond: Math.round(bytesDone / seconds) });
        },
      });
    } finally {
      transfers.delete(transferId);
    }
  };

  return {
    'board:listPorts': () => manager.listPorts(),
    'board:connect': (target) => manager.connect(target),
    'board:disconnect': () => manager.disconnect(),
    'board:status': async () => manager.status,
    'board:exec': async (source) => ({ stdout: await manager.session().execText(source) }),
    'board:run': (request) => manager.session().run(request.source),
    'board:stop': () => manager.session().stop(),
    'board:softReset': () => manager.session().softReset(),
    'board:hardReset': () => manager.session().hardReset(),
    'board:completions': async (expression) => {
      // The expression travels as a string literal and is resolved on the board, never evaluated as source.
      const out = await manager.session().execText(
        `_p=${pyStr(expression)}\n_o=None\nif _p:\n _n=_p.split('.')\n _g=globals()\n if _n[0] in _g:\n  _o=_g[_n[0]]\n else:\n  try:\n   _o=__import__(_n[0])\n  except ImportError:\n   _o=None\n for _a in _n[1:]:\n  _o=getattr(_o,_a,None)\n print('\\n'.join(dir(_o)) if _o is not None else '')\nelse:\n print('\\n'.join(k for k in globals() if k[0]!='_'))\ndel _p,_o`,
      );
      return out.split(/\r?\n/).filter((name) => name && !name.startsWith('__'));
    },
    'repl:write': (text) => manager.session().writeTerminal(text),
    'repl:paste': (text) => manager.session().pasteAtRepl(text),
    'repl:recent': async () => scrollback.text,
    'fs:capabilities': async () => publicCapabilities(await manager.fs().features()),
    'fs:list': (path, recursive) => manager.fs().list(path, recursive),
    'fs:read': (path, id) => transfer(id, path, 'download', (options) => manager.fs().read(path, options)),
    'fs:write': async (path, data, id) => {
      await transfer(id, path, 'upload', (options) => manager.fs().write(path, data, options));
      return { path, unchanged: false };
    },
    'fs:mkdir': (path) => manager.fs().mkdir(path),
    'fs:remove': (path, recursive) => manager.fs().remove(path, recursive),
    'fs:rename': (from, to) => manager.fs().rename(from, to),
    'fs:stat': (path) => manager.fs().stat(path),
    'fs:space': () => manager.fs().space(),
    'fs:hash': (path) => manager.fs().hash(path),
    'fs:cancel': async (id) => {
      transfers.get(id)?.abort();
    },
  };
}
