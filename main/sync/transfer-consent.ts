/**
 * Before a copy or a sync moves anything, finds the files it would replace whose content
 * differs, so the user is asked about all of them at once and nothing is half done.
 * Files whose content is already the same are dropped from the steps (nothing to copy).
 * The replace rule checks again at each write, with the answers attached to the steps.
 */
import type { ReplaceConflict, ReplaceDecisions } from '../../preload/contract-types';
import type { LocalFolderService } from '../local/local-folder';
import type { BoardFiles } from './board-files';
import type { TransferStep } from './transfer-runner';

export interface ConsentCheck {
  steps: TransferStep[];
  conflicts: ReplaceConflict[];
}

export async function checkReplacements(steps: readonly TransferStep[], decisions: ReplaceDecisions, deps: { local: LocalFolderService; board: BoardFiles }): Promise<ConsentCheck> {
  const out: TransferStep[] = [];
  const conflicts: ReplaceConflict[] = [];
  for (const step of steps) {
    if (step.kind === 'upload') {
      const existing = await deps.board.stat(step.board);
      if (existing?.type !== 'file') {
        out.push(step);
        continue;
      }
      const [targetHash, sourceHash] = [await deps.board.hash(step.board), await deps.local.sha256(step.local)];
      if (targetHash === sourceHash) continue;
      const answer = decisions[step.board];
      if (answer && (answer.keepBoth || answer.replaces === targetHash)) {
        out.push({ ...step, consent: answer });
        continue;
      }
      const source = await deps.local.stat(step.local);
      conflicts.push({
        target: { side: 'board', path: step.board, size: existing.size, sha256: targetHash },
        incoming: { side: 'local', path: step.local, size: source?.size ?? step.size, ...(source && { modifiedAt: source.mtimeMs }) },
      });
    } else if (step.kind === 'download') {
      const existing = await deps.local.stat(step.local);
      if (existing?.type !== 'file') {
        out.push(step);
        continue;
      }
      const [targetHash, sourceHash] = [await deps.local.sha256(step.local), await deps.board.hash(step.board)];
      if (targetHash === sourceHash) continue;
      const answer = decisions[step.local];
      if (answer && (answer.keepBoth || answer.replaces === targetHash)) {
        out.push({ ...step, consent: answer });
        continue;
      }
      conflicts.push({
        target: { side: 'local', path: step.local, size: existing.size, sha256: targetHash, modifiedAt: existing.mtimeMs },
        incoming: { side: 'board', path: step.board, size: step.size },
      });
    } else out.push(step);
  }
  return { steps: out, conflicts };
}
