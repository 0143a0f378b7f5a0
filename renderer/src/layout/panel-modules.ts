/**
 * Mounts the panels other parts of the app provide: the plotter in the bottom panel
 * and the file browser in the sidebar.
 */
import type { StudioApi } from '../../../preload/contract';
import { createFileBrowser, type FileBrowser, type FileBrowserDeps } from '../../file-browser';
import { createPlotterPanel, type PlotterPanel } from '../../plotter';

export type { FileBrowser, FileBrowserDeps, PlotterPanel };

export function mountPlotter(container: HTMLElement, api: StudioApi, historySize: number): PlotterPanel {
  return createPlotterPanel(container, api, { historySize });
}

export function mountFileBrowser(container: HTMLElement, deps: FileBrowserDeps): FileBrowser {
  return createFileBrowser(container, deps);
}
