/**
 * Mounts the panels other parts of the app provide: the plotter in the bottom panel
 * and the file browser in the sidebar. The file browser is found at build time, so
 * the shell builds and runs (with a short note in its place) before it exists.
 */
import type { StudioApi } from '../../../preload/contract';
import { createPlotterPanel, type PlotterPanel } from '../../plotter';
import type { OpenFileRequest } from '../editor/file-origin';
import { h } from '../ui/dom';


/** What the file browser gets from the shell. */
export interface FileBrowserDeps {
  api: StudioApi;
  /** Opens a file in an editor tab (or shows its tab). `content` may be left out. */
  openFile(request: OpenFileRequest): void;
}
export interface FileBrowserPanel {
  dispose?(): void;
  resize?(): void;
}
type CreateFileBrowser = (container: HTMLElement, deps: FileBrowserDeps) => FileBrowserPanel | void;

const fileBrowserModules = import.meta.glob<{ createFileBrowser?: CreateFileBrowser }>('../../file-browser/index.ts', { eager: true });

export function mountPlotter(container: HTMLElement, api: StudioApi, historySize: number): PlotterPanel {
  return createPlotterPanel(container, api, { historySize });
}

export function mountFileBrowser(container: HTMLElement, deps: FileBrowserDeps): FileBrowserPanel | undefined {
  const create = Object.values(fileBrowserModules)[0]?.createFileBrowser;
  if (!create) {
    container.append(
      h('div', { class: 'sidebar-empty' }, 'Files', h('br'), 'Use Open (Ctrl+O) to open a file from the board or this computer.'),
    );
    return undefined;
  }
  return create(container, deps) ?? undefined;
}
