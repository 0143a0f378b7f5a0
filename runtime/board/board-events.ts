/**
 * Things that happen to the board on their own: `machine.Timer` periods, pin
 * interrupts and the watchdog. They queue up here; Python takes them through
 * `_vboard.take_events()`, from a `micropython.schedule`d callback while code
 * runs, or straight away while the board waits at its prompt.
 */
import type { HardwareModel } from './hardware/hardware-model';

interface SoftTimer {
  periodMs: number;
  periodic: boolean;
  due: number;
}

export type BoardEvent = ['t', number] | ['p', number];

export class BoardEvents {
  private readonly timers = new Map<number, SoftTimer>();
  private queue: BoardEvent[] = [];
  private watchdogDue = 0;

  constructor(private readonly hardware: HardwareModel) {}

  startTimer(id: number, periodMs: number, periodic: boolean): void {
    this.timers.set(id, { periodMs, periodic, due: performance.now() + periodMs });
  }

  stopTimer(id: number): void {
    this.timers.delete(id);
    this.queue = this.queue.filter(([kind, ident]) => !(kind === 't' && ident === id));
  }

  feedWatchdog(timeoutMs: number): void {
    this.watchdogDue = performance.now() + timeoutMs;
  }

  /** True when the watchdog was started and not fed in time. */
  watchdogExpired(): boolean {
    return this.watchdogDue > 0 && performance.now() > this.watchdogDue;
  }

  /** Moves due timers and pin edges into the queue; true when the queue holds anything. */
  collect(): boolean {
    const now = performance.now();
    for (const [id, timer] of this.timers) {
      if (now < timer.due) continue;
      if (!this.queue.some(([kind, ident]) => kind === 't' && ident === id)) this.queue.push(['t', id]);
      if (timer.periodic) {
        // A late timer fires once, not once per missed period, like a board's soft timer.
        timer.due = Math.max(timer.due + timer.periodMs, now + 1);
      } else {
        this.timers.delete(id);
      }
    }
    for (const pin of this.hardware.takeEdges()) this.queue.push(['p', pin]);
    return this.queue.length > 0;
  }

  take(): BoardEvent[] {
    const events = this.queue;
    this.queue = [];
    return events;
  }

  /** Milliseconds until the next timer or the watchdog, or Infinity. */
  msUntilNext(): number {
    let next = Infinity;
    for (const timer of this.timers.values()) next = Math.min(next, timer.due);
    if (this.watchdogDue > 0) next = Math.min(next, this.watchdogDue);
    return Math.max(0, next - performance.now());
  }

  reset(): void {
    this.timers.clear();
    this.queue = [];
    this.watchdogDue = 0;
  }
}
