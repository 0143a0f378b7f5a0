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
  /** A panel on the right of the editor (the Board panel), resizable, hidden by its owner. */
  sidePanel?: HTMLElement;
}

export interface Shell {
  sidebar: HTMLElement;
}

export function buildShell(root: HTMLElement, parts: ShellParts, settings: SettingsClient, onResize: () => void): Shell {
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Files' });
  const sidebarSplitter = h('div', { class: 'splitter vertical', role: 'separator', 'aria-orientation': 'vertical', 'data-splitter': 'sidebar' });
  const panelSplitter = h('div', { class: 'splitter horizontal', role: 'separator', 'aria-orientation': 'horizontal', 'data-splitter': 'bottom' });
  const centre = h('main', { class: 'centre' }, parts.editor, panelSplitter, parts.bottomPanel);
  const workbench = h('div', { class: 'workbench' }, sidebar, sidebarSplitter, centre);
  root.replaceChildren(parts.toolbar, workbench, parts.statusBar);
  if (parts.sidePanel) addSidePanel(workbench, parts.sidePanel, settings, onResize);

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
    // Tall enough for a plot a person can read (about 220 px of chart under the toolbars).
    defaultSize: 320,
    min: 80,
    maxFraction: 0.75,
    settings,
    onResize,
  });
  return { sidebar };
}

/** The right-hand panel and its splitter, which hides with the panel. */
function addSidePanel(workbench: HTMLElement, panel: HTMLElement, settings: SettingsClient, onResize: () => void): void {
  const splitter = h('div', { class: 'splitter vertical', role: 'separator', 'aria-orientation': 'vertical', 'data-splitter': 'side' });
  splitter.hidden = panel.hidden;
  new MutationObserver(() => {
    splitter.hidden = panel.hidden;
    onResize();
  }).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  workbench.append(splitter, panel);
  setupSplitter({
    splitter,
    pane: panel,
    dimension: 'width',
    growsTowardsStart: true,
    layoutKey: 'sidePanelWidth',
    defaultSize: 400,
    min: 260,
    maxFraction: 0.5,
    settings,
    onResize,
  });
}
