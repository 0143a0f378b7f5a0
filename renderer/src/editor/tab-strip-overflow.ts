/**
 * Keeps the editor's tab strip usable with more tabs than fit: the strip scrolls
 * sideways (a mouse wheel scrolls it too), a fade at either edge shows that more tabs
 * are hidden there, the active tab is scrolled into view, and a "⌄" button lists
 * every open tab to pick one from, as VS Code's "Show Opened Editors" does.
 */
import { openContextMenu } from '../ui/context-menu';
import { h } from '../ui/dom';
import { iconButton } from '../ui/icons';

/** The fades' width (widgets.css, .tabs-fade): a revealed tab keeps this far from an edge with tabs beyond. */
const FADE_WIDTH_PX = 32;

export interface OpenTabSummary {
  id: string;
  name: string;
  /** Where the file lives (the tab's tooltip). */
  title: string;
  active: boolean;
  dirty: boolean;
}

export interface TabStripOverflowOptions {
  tabs(): OpenTabSummary[];
  activate(id: string): void;
}

export class TabStripOverflow {
  /** The strip with its fades and the list button: what the editor area shows on top. */
  readonly element: HTMLElement;
  private readonly fadeStart = h('div', { class: 'tabs-fade', 'data-edge': 'start', 'aria-hidden': 'true', hidden: true });
  private readonly fadeEnd = h('div', { class: 'tabs-fade', 'data-edge': 'end', 'aria-hidden': 'true', hidden: true });
  private readonly listButton = iconButton({ icon: 'chevron-down', title: 'Show all open tabs', className: 'tabs-list' });
  private pending = 0;

  constructor(
    private readonly strip: HTMLElement,
    private readonly options: TabStripOverflowOptions,
  ) {
    this.listButton.setAttribute('aria-haspopup', 'menu');
    this.listButton.setAttribute('aria-expanded', 'false');
    this.listButton.addEventListener('click', () => this.showList());
    this.element = h('div', { class: 'editor-tabs-bar' }, h('div', { class: 'editor-tabs-scroller' }, strip, this.fadeStart, this.fadeEnd), this.listButton);
    // A vertical wheel means "move along the tabs": the strip has nothing to scroll vertically.
    strip.addEventListener(
      'wheel',
      (event) => {
        if (event.deltaY === 0 || Math.abs(event.deltaX) > Math.abs(event.deltaY)) return;
        if (strip.scrollWidth <= strip.clientWidth) return;
        strip.scrollLeft += event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 20 : event.deltaY;
        event.preventDefault();
      },
      { passive: false },
    );
    strip.addEventListener('scroll', () => this.update());
    // Tabs come and go, their names change, the window resizes: each may change what is hidden.
    // A narrower window keeps the active tab in view, as a newly activated one is.
    new ResizeObserver(() => {
      const active = strip.querySelector<HTMLElement>('[aria-selected="true"]');
      if (active) this.reveal(active);
      else this.update();
    }).observe(strip);
    new MutationObserver((mutations) => {
      // The active tab grows when its unsaved marker appears: keep all of it in view, close button included.
      const active = strip.querySelector<HTMLElement>('[aria-selected="true"]');
      if (active && mutations.some((m) => m.target !== strip && active.contains(m.target))) this.reveal(active);
      else this.update();
    }).observe(strip, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
    this.update();
  }

  /**
   * Scrolls the strip (and nothing else: scrollIntoView would also scroll the page) to show
   * a tab whole, clear of the fades when more tabs lie beyond it.
   */
  reveal(tab: HTMLElement): void {
    const left = tab.offsetLeft - this.strip.offsetLeft;
    const right = left + tab.offsetWidth;
    if (left - FADE_WIDTH_PX < this.strip.scrollLeft) this.strip.scrollLeft = left - FADE_WIDTH_PX;
    else if (right + FADE_WIDTH_PX > this.strip.scrollLeft + this.strip.clientWidth) {
      this.strip.scrollLeft = right + FADE_WIDTH_PX - this.strip.clientWidth;
    }
    this.update();
  }

  /** Shows a fade at each edge that has tabs beyond it, once per frame at most. */
  private update(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      const { scrollLeft, scrollWidth, clientWidth } = this.strip;
      // One pixel of slack: zoomed layouts leave fractions that never quite reach the end.
      this.fadeStart.hidden = scrollLeft <= 1;
      this.fadeEnd.hidden = scrollLeft + clientWidth >= scrollWidth - 1;
      this.element.dataset.overflowing = String(scrollWidth > clientWidth + 1);
      this.listButton.hidden = this.strip.childElementCount === 0;
    });
  }

  private showList(): void {
    const items = this.options.tabs().map((tab) => ({
      action: `tab:${tab.id}`,
      label: tab.name,
      detail: tab.dirty ? 'unsaved' : undefined,
      title: tab.title,
      checked: tab.active,
      run: () => this.options.activate(tab.id),
    }));
    openContextMenu(items, { label: 'Open tabs', at: this.listButton });
  }
}
