/**
 * Handlers for `packages:*`: the index's catalog (cached in the user-data folder), what
 * the connected board has installed, install with per-file `packages:progress` and
 * cancel, and remove. The work is main/packages, shared with `mpstudio mip`.
 */
import { join } from 'node:path';
import type { Handlers } from '../../preload/contract';
import type { ConnectionManager } from '../board/connection-manager';
import { loadCatalog } from '../packages/index-catalog';
import { installPackages } from '../packages/install-packages';
import { listInstalled } from '../packages/list-installed';
import { DEFAULT_INDEX } from '../packages/package-source';
import { removePackage } from '../packages/remove-package';
import type { ServiceContext } from './service-context';

type PackageChannels = 'packages:catalog' | 'packages:installed' | 'packages:install' | 'packages:remove' | 'packages:cancel';

/** Progress events per file: at most ~10 a second while bytes move, every state change always. */
const PROGRESS_INTERVAL_MS = 100;

export function packageHandlers(ctx: Pick<ServiceContext, 'userDataDir' | 'settings' | 'emit'>, board: ConnectionManager): Pick<Handlers, PackageChannels> {
  const indexUrl = (): string => (ctx.settings.get().packageIndex || DEFAULT_INDEX).replace(/\/+$/, '');
  const cacheFile = join(ctx.userDataDir, 'packages', 'index-cache.json');
  const installs = new Map<string, AbortController>();
  return {
    'packages:catalog': (refresh) => loadCatalog(indexUrl(), cacheFile, { refresh }),
    'packages:installed': () => listInstalled(board.session(), board.fs()),
    'packages:install': async (spec, transferId) => {
      const controller = new AbortController();
      installs.set(transferId, controller);
      let lastEmit = 0;
      try {
        const result = await installPackages(board.session(), board.fs(), [spec], {
          index: indexUrl(),
          signal: controller.signal,
          onLog: (log) => ctx.emit('packages:progress', { transferId, log }),
          onFile: (file) => {
            const now = Date.now();
            if (file.status === 'installing' && file.bytesDone > 0 && file.bytesDone < file.bytesTotal && now - lastEmit < PROGRESS_INTERVAL_MS) return;
            lastEmit = now;
            ctx.emit('packages:progress', { transferId, file });
          },
        });
        return { dir: result.target.dir, written: result.written, existing: result.existing, packages: result.plan.packages.map((p) => ({ name: p.name, version: p.version })) };
      } finally {
        installs.delete(transferId);
      }
    },
    'packages:remove': async (name) => {
      await removePackage(board.session(), board.fs(), name, { withDeps: true });
    },
    'packages:cancel': async (transferId) => {
      installs.get(transferId)?.abort();
    },
  };
}
