/**
 * The renderer's one way to reach main: `window.studio` from the Electron preload,
 * or, in web mode, the WebSocket bridge, installed under the same name so that the
 * page (and a test driving it) sees one API either way.
 */
import type { StudioApi } from '../../preload/contract';
import { createWebBridge, socketUrlFor } from './web-bridge';

declare global {
  interface Window {
    studio?: StudioApi;
  }
}

window.studio ??= createWebBridge(socketUrlFor(window.location));

export const studio: StudioApi = window.studio;
