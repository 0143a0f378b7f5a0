/**
 * Entry point of the virtual board's worker threads, in either of two roles: the
 * board itself, or the syntax checker for the editor (a separate long-lived worker
 * with its own interpreter). One entry keeps the app bundle to one extra input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BoardRuntime } from './board/board-runtime';
import { serveSyntaxChecks } from './lint/syntax-check-worker';
import type { BoardWorkerMessage, WorkerData } from './worker-messages';

const data = workerData as WorkerData;
if (data.role === 'board') {
  new BoardRuntime(data).run().catch((error: unknown) => {
    const message: BoardWorkerMessage = { type: 'fatal', message: error instanceof Error ? error.stack ?? error.message : String(error) };
    parentPort?.postMessage(message);
  });
} else {
  serveSyntaxChecks();
}
