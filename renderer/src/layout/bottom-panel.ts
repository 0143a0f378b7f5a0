/**
 * The bottom panel: REPL and Plotter tabs. The Plotter tab shows a badge when new
 * data arrives while another tab is in front.
 */
import { h } from '../ui/dom';
import { iconButton, type IconName } from '../ui/icons';

export type PanelId = 'repl' | 'plotter';

interface Page {
  tab: HTMLButtonElement;
  page: HTMLElement;
  badge: HTMLElement;
}

export class BottomPanel {
  readonly element: HTMLElement;
  private readonly tabs = h('div', { class: 'panel-tabs', role: 'tablist' });
  private readonly tools = h('div', { class: 'tools' });
  private readonly body = h('div', { class: 'panel-body' });
  private pages = new Map<PanelId, Page>();
  private shown: PanelId = 'repl';
  private listeners = new Set<(id: PanelId) => void>();

  constructor() {
    this.element = h('section', { class: 'bottom-panel' }, this.tabs, this.body);
    this.tabs.append(this.tools);
  }

  addPage(id: PanelId, label: string): HTMLElement {
    const badge = h('span', { class: 'badge', hidden: true, 'aria-label': 'new data' });
    const tab = h('button', { type: 'button', role: 'tab', 'data-panel': id, 'aria-selected': 'false' }, label, badge);
    const page = h('div', { class: 'panel-page', 'data-panel': id, hidden: true });
    tab.addEventListener('click', () => this.show(id));
    this.tabs.insertBefore(tab, this.tools);
    this.body.append(page);
    this.pages.set(id, { tab, page, badge });
    if (this.pages.size === 1) this.show(id);
    return page;
  }

  /** Buttons that act on the panel's content, e.g. clearing the REPL. */
  addTool(icon: IconName, title: string, onClick: () => void, panel: PanelId): void {
    const button = iconButton({ icon, title });
    button.dataset.toolFor = panel;
    button.addEventListener('click', onClick);
    this.tools.append(button);
    this.refreshTools();
  }

  show(id: PanelId): void {
    this.shown = id;
    for (const [pageId, page] of this.pages) {
      const visible = pageId === id;
      page.tab.setAttribute('aria-selected', String(visible));
      page.page.hidden = !visible;
      if (visible) page.badge.hidden = true;
    }
    this.refreshTools();
    for (const listener of this.listeners) listener(id);
  }

  get visible(): PanelId {
    return this.shown;
  }

  markNewData(id: PanelId): void {
    const page = this.pages.get(id);
    if (page && this.shown !== id) page.badge.hidden = false;
  }

  onShow(listener: (id: PanelId) => void): void {
    this.listeners.add(listener);
  }

  private refreshTools(): void {
    for (const button of this.tools.querySelectorAll<HTMLElement>('[data-tool-for]')) {
      button.hidden = button.dataset.toolFor !== this.shown;
    }
  }
}
