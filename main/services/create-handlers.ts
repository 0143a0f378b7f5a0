/**
 * Composes every handler group into the full `Handlers` table of the contract.
 * Each area's handlers live in their own file; adding an area is one line here.
 */
import { contract, type Handlers, type RequestChannel } from '../../preload/contract';
import { appHandlers } from './app-handlers';
import { backupHandlers } from './backup-handlers';
import type { ServiceContext } from './service-context';
import { UserFacingError } from './user-facing-error';

export function createHandlers(ctx: ServiceContext): Handlers {
  const groups = {
    ...appHandlers(ctx),
    ...backupHandlers(ctx),
  };
  return withUnbuiltChannels(groups);
}

/**
 * Temporary while the areas land one by one: channels in the contract that no group
 * implements yet answer with a clear `not-supported` error instead of crashing.
 */
function withUnbuiltChannels(groups: Partial<Handlers>): Handlers {
  const table: Record<string, unknown> = { ...groups };
  for (const [channel, spec] of Object.entries(contract)) {
    if (spec.kind !== 'request' || channel in table) continue;
    table[channel] = async () => {
      throw new UserFacingError('not-supported', `${channel as RequestChannel} is not available in this build.`);
    };
  }
  return table as Handlers;
}
