/**
 * Buttons on the virtual board: a pin driven from outside stays driven, once let go,
 * until the program has read it. A tap shorter than a program's polling
 * (`while pin.value(): sleep_ms(5)`), or a press and release that reach a loaded host
 * together, would otherwise come and go between two reads and never be seen.
 */

/** The longest a let-go pin stays driven for a program that does not read it. */
const RELEASE_WAIT_MS = 1000;
/** How often a pending release looks whether the program has read the pin. */
const RELEASE_POLL_MS = 5;

export interface PinReads {
  /** The running worker and how often its program read `pin` (HwIn.firstPinRead); null between workers. */
  reads(pin: number): { worker: object; count: number } | null;
  /** Drives the pin at `level`, or lets it go with -1. */
  setLevel(pin: number, level: number): void;
}

export class PinHold {
  /** Per driven pin: the worker's read count taken just after the level was in place. */
  private readonly driven = new Map<number, { worker: object; count: number } | null>();
  /** Per pin, cancels a release still waiting for the program. */
  private readonly pending = new Map<number, () => void>();

  constructor(private readonly board: PinReads) {}

  drive(pin: number, level: 0 | 1): void {
    this.pending.get(pin)?.();
    this.board.setLevel(pin, level);
    // Counted after the level is in place: see release.
    this.driven.set(pin, this.board.reads(pin));
  }

  /**
   * Lets the pin go once the program has read it twice since it was driven: the first
   * read may have begun before the level changed, the second began after it.
   */
  release(pin: number): void {
    this.pending.get(pin)?.();
    const driven = this.driven.get(pin);
    const deadline = Date.now() + RELEASE_WAIT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => {
      clearTimeout(timer);
      this.pending.delete(pin);
    };
    const check = () => {
      const now = this.board.reads(pin);
      // A worker replaced meanwhile (a reset, the board closed) starts afresh: nothing to wait for.
      const seen = !driven || !now || now.worker !== driven.worker || ((now.count - driven.count) | 0) >= 2;
      if (seen || Date.now() >= deadline) {
        cancel();
        this.driven.delete(pin);
        this.board.setLevel(pin, -1);
        return;
      }
      timer = setTimeout(check, RELEASE_POLL_MS);
      timer.unref?.();
    };
    this.pending.set(pin, cancel);
    check();
  }
}
