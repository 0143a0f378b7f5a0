/**
 * The Electron preload: exposes `window.studio`, the contract's API, to the sandboxed
 * renderer. It exposes functions only, never `ipcRenderer`, and a listener gets the
 * payload alone, never the IPC event (which would leak `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type ApiLink } from './build-api';
import { isEventChannel, isRequestChannel } from './contract';
import type { WireResult } from './contract-types';

const link: ApiLink = {
  invoke(channel, args) {
    if (!isRequestChannel(channel)) throw new Error(`not a request channel: ${channel}`);
    return ipcRenderer.invoke(channel, ...args) as Promise<WireResult<unknown>>;
  },
  subscribe(channel, listener) {
    if (!isEventChannel(channel)) throw new Error(`not an event channel: ${channel}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('studio', buildApi(link));
