/**
 * Handlers for `virtual:*`: the virtual board's simulated hardware, read and set from
 * the UI, and `virtual:stateChanged` whenever the board or the user changes it.
 */
import type { Handlers } from '../../preload/contract';
import { VirtualBoardHost } from '../virtual-board/virtual-board-host';
import type { ServiceContext } from './service-context';

/** The app's virtual board, its flash in the settings' folder or the user-data default. */
export function createVirtualBoardHost(ctx: Pick<ServiceContext, 'userDataDir' | 'settings' | 'emit' | 'onDispose'>): VirtualBoardHost {
  const host = new VirtualBoardHost({
    userDataDir: ctx.userDataDir,
    flashFolder: () => ctx.settings.get().virtualBoardFolder,
    onStateChanged: (state) => ctx.emit('virtual:stateChanged', state),
  });
  ctx.onDispose(() => host.dispose());
  // The window will open on the virtual board (startup-targets.ts): its interpreter loads
  // while the window does, not after.
  const { autoConnect, lastTarget } = ctx.settings.get();
  if (autoConnect && (!lastTarget || lastTarget.kind === 'virtual')) host.prepare();
  return host;
}

type VirtualChannel = 'virtual:state' | 'virtual:setPin' | 'virtual:setPotentiometer' | 'virtual:setSensor' | 'virtual:setWiring';

export function virtualHandlers(host: VirtualBoardHost): Pick<Handlers, VirtualChannel> {
  return {
    'virtual:state': async () => host.state(),
    'virtual:setPin': async (pin, level) => host.setPin(pin, level),
    'virtual:setPotentiometer': async (position) => host.setPotentiometer(position),
    'virtual:setSensor': async (sensor, value) => host.setSensor(sensor, value),
    'virtual:setWiring': async (wiring) => host.setWiring(wiring),
  };
}
