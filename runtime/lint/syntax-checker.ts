/**
 * The editor's syntax checker, host side: one long-lived worker with its own
 * MicroPython (not the board's, which may be busy running a program) compiles the
 * source and reports what MicroPython's compiler rejects, line by line.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../preload/contract-types';
import { resolveWorkerEntry } from '../worker-entry';
import type { LintAnswer, LintRequest, LintWorkerData } from '../worker-messages';

export class SyntaxChecker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(d: Diagnostic[]): void; reject(e: Error): void }>();

  /** What MicroPython's compiler says about `source` as `main.py`; empty when it compiles. */
  check(source: string): Promise<Diagnostic[]> {
    const worker = this.start();
    const id = this.nextId++;
    // Keep the process alive while a check is out; an idle checker must not.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, source } satisfies LintRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const entry = resolveWorkerEntry();
    const data: LintWorkerData = { role: 'lint' };
    const worker = new Worker(entry.script, { workerData: data, eval: entry.eval });
    worker.on('message', (answer: LintAnswer) => {
      const waiter = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiter) return;
      if (answer.error) waiter.reject(new Error(`the syntax checker failed: ${answer.error}`));
      else waiter.resolve(answer.diagnostics);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the syntax checker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
