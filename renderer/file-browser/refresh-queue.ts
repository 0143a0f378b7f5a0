/**
 * A pane's reads, one after the other: overlapping refreshes queue instead of racing,
 * and the pane is `aria-busy` until the last queued one is done, so anyone (a test, a
 * screen reader) can tell a settled tree from one about to be replaced.
 */
export class RefreshQueue {
  #tail: Promise<void> = Promise.resolve();
  #queued = 0;

  constructor(
    private readonly pane: HTMLElement,
    private readonly load: () => Promise<void>,
  ) {}

  run(): Promise<void> {
    this.#queued++;
    this.pane.setAttribute('aria-busy', 'true');
    this.#tail = this.#tail
      .then(() => this.load())
      .catch(() => undefined) // load() reports its own failures in the pane.
      .then(() => {
        if (--this.#queued === 0) this.pane.removeAttribute('aria-busy');
      });
    return this.#tail;
  }
}
