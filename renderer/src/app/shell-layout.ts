/**
 * The window's frame: toolbar on top; file browser | editor tabs with the bottom
 * panel under them; status bar. The sidebar's width and the bottom panel's height
 * are resizable and remembered in `settings.layout`.
 */
import { setupSplitter } from '../layout/split-pane';
import type { SettingsClient } from '../settings/settings-client';
import { h } from '../ui/dom';

export interface ShellParts {
  toolbar: HTMLElement;
  editor: HTMLElement;
  bottomPanel: HTMLElement;
  statusBar: HTMLElement;
}

export interface Shell {
  sidebar: HTMLElement;
}

export function buildShell(root: HTMLElement, parts: ShellParts, settings: SettingsClient, onResize: () => void): Shell {
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Files' });
  const sidebarSplitter = h('div', { class: 'splitter vertical', role: 'separator', 'aria-orientation': 'vertical', 'data-splitter': 'sidebar' });
  const panelSplitter = h('div', { class: 'splitter horizontal', role: 'separator', 'aria-orientation': 'horizontal', 'data-splitter': 'bottom' });
  const centre = h('main', { class: 'centre' }, parts.editor, panelSplitter, parts.bottomPanel);
  root.replaceChildren(parts.toolbar, h('div', { class: 'workbench' }, sidebar, sidebarSplitter, centre), parts.statusBar);

  setupSplitter({
    splitter: sidebarSplitter,
    pane: sidebar,
    dimension: 'width',
    growsTowardsStart: false,
    layoutKey: 'sidebarWidth',
    defaultSize: 240,
    min: 120,
    maxFraction: 0.5,
    settings,
    onResize,
  });
  setupSplitter({
    splitter: panelSplitter,
    pane: parts.bottomPanel,
    dimension: 'height',
    growsTowardsStart: true,
    layoutKey: 'bottomHeight',
    defaultSize: 260,
    min: 80,
    maxFraction: 0.75,
    settings,
    onResize,
  });
  return { sidebar };
}
