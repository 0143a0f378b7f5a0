/**
 * FAKE Electron modules, for the only code that cannot run here without the Electron
 * binary: the preload and the IPC registration. They record what the code under test
 * hands to Electron; they do not imitate Electron's behaviour beyond that.
 */
type Listener = (...args: unknown[]) => unknown;

export interface FakeElectron {
  exposed: Map<string, unknown>;
  invoked: Array<{ channel: string; args: unknown[] }>;
  rendererListeners: Map<string, Set<Listener>>;
  mainHandlers: Map<string, Listener>;
  module: Record<string, unknown>;
}

export function createFakeElectron(): FakeElectron {
  const fake: FakeElectron = {
    exposed: new Map(),
    invoked: [],
    rendererListeners: new Map(),
    mainHandlers: new Map(),
    module: {},
  };
  fake.module = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        fake.invoked.push({ channel, args });
        return { ok: true, value: `answer from ${channel}` };
      },
      on: (channel: string, listener: Listener) => {
        const set = fake.rendererListeners.get(channel) ?? new Set();
        set.add(listener);
        fake.rendererListeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => fake.rendererListeners.get(channel)?.delete(listener),
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => {
        if (fake.mainHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        fake.mainHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => fake.mainHandlers.delete(channel),
    },
  };
  return fake;
}
