/**
 * The bottom panel: REPL and Plotter tabs. The Plotter tab shows a badge when new
 * data arrives while another tab is in front. Split, it shows every page side by side
 * (the REPL beside the plot, as Arduino's serial monitor and plotter), and the tabs
 * only say which one has the keyboard.
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
  private readonly splitButton = iconButton({ icon: 'split-horizontal', title: 'Show the REPL and the plotter side by side', className: 'split-toggle' });

  /** `split` is the remembered choice; `onSplitChange` remembers a new one. */
  constructor(options: { split?: boolean; onSplitChange?: (split: boolean) => void } = {}) {
    this.element = h('section', { class: 'bottom-panel' }, this.tabs, this.body);
    this.tabs.append(this.tools);
    this.splitButton.setAttribute('aria-pressed', 'false');
    this.tools.append(this.splitButton);
    this.splitButton.addEventListener('click', () => {
      this.setSplit(!this.split);
      options.onSplitChange?.(this.split);
    });
    if (options.split) this.setSplit(true);
  }

  get split(): boolean {
    return this.body.classList.contains('split');
  }

  setSplit(split: boolean): void {
    this.body.classList.toggle('split', split);
    this.splitButton.setAttribute('aria-pressed', String(split));
    this.show(this.shown);
  }

  addPage(id: PanelId, label: string): HTMLElement {
    const badge = h('span', { class: 'badge', hidden: true, 'aria-label': 'new data' });
    const tab = h('button', { type: 'button', role: 'tab', 'data-panel': id, 'aria-selected': 'false' }, label, badge);
    const page = h('div', { class: 'panel-page', 'data-panel': id, hidden: true });
    tab.addEventListener('click', () => this.show(id));
    this.tabs.insertBefore(tab, this.tools);
    this.body.append(page);
    this.pages.set(id, { tab, page, badge });
    this.show(this.pages.size === 1 ? id : this.shown); // A split panel shows the new page too.
    return page;
  }

  /** Buttons that act on the panel's content, e.g. clearing the REPL. */
  addTool(icon: IconName, title: string, onClick: () => void, panel: PanelId): void {
    const button = iconButton({ icon, title });
    button.dataset.toolFor = panel;
    button.addEventListener('click', onClick);
    this.tools.insertBefore(button, this.splitButton); // The layout switch stays rightmost.
    this.refreshTools();
  }

  show(id: PanelId): void {
    this.shown = id;
    for (const [pageId, page] of this.pages) {
      const chosen = pageId === id;
      page.tab.setAttribute('aria-selected', String(chosen));
      page.page.hidden = !chosen && !this.split;
      if (!page.page.hidden) page.badge.hidden = true;
    }
    this.refreshTools();
    for (const listener of this.listeners) listener(id);
  }

  get visible(): PanelId {
    return this.shown;
  }

  markNewData(id: PanelId): void {
    const page = this.pages.get(id);
    if (page?.page.hidden) page.badge.hidden = false;
  }

  /** True when the page is on screen (the chosen tab, or any page when split). */
  isVisible(id: PanelId): boolean {
    return this.pages.get(id)?.page.hidden === false;
  }

  onShow(listener: (id: PanelId) => void): void {
    this.listeners.add(listener);
  }

  private refreshTools(): void {
    for (const button of this.tools.querySelectorAll<HTMLElement>('[data-tool-for]')) {
      button.hidden = !this.isVisible(button.dataset.toolFor as PanelId);
    }
  }
}
