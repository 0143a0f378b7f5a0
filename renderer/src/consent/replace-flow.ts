/**
 * How the UI answers the replace rule (main/consent/replace-rule.ts): a write that
 * would replace a file with other content comes back as a `conflict`; the user is
 * asked (replace-dialog.ts) and the write runs again with exactly that answer. Every
 * transfer path in the renderer (editor saves, the file browser's copies, drops, sync
 * and the mirror) writes through one of these two functions.
 */
import type { ReplaceConflict, ReplaceDecisions, ReplaceSide, SyncResult, WriteConsent, WriteOutcome } from '../../../preload/contract-types';
import { askReplace, type ReplaceAnswer } from './replace-dialog';

/** Rounds of asking before giving up on a file that keeps changing under us. */
const MAX_ROUNDS = 3;

export function conflictOf(error: unknown): ReplaceConflict | undefined {
  const e = error as { code?: string; conflict?: ReplaceConflict } | null;
  return e?.code === 'conflict' ? e.conflict : undefined;
}

function consentFor(answer: Exclude<ReplaceAnswer, 'cancel'>, conflict: ReplaceConflict): WriteConsent {
  return answer === 'replace' ? { replaces: conflict.target.sha256 } : { keepBoth: true };
}

export interface WriteAskingOptions {
  /** What the renderer knows better than main about the new content (a dropped file's date). */
  incoming?: Partial<ReplaceSide>;
  /** The user already chose to replace (e.g. "save to this board"): do not ask again. */
  alreadyAgreed?: boolean;
}

/** Runs one write, asking when it would replace a differing file. Null when the user cancelled. */
export async function writeAsking(write: (consent?: WriteConsent) => Promise<WriteOutcome>, options: WriteAskingOptions = {}): Promise<WriteOutcome | null> {
  let consent: WriteConsent | undefined;
  for (let round = 0; ; round++) {
    try {
      return await write(consent);
    } catch (error) {
      const conflict = conflictOf(error);
      if (!conflict || round >= MAX_ROUNDS) throw error;
      const answer = options.alreadyAgreed ? 'replace' : (await askReplace({ ...conflict, incoming: { ...conflict.incoming, ...options.incoming } })).answer;
      if (answer === 'cancel') return null;
      consent = consentFor(answer, conflict);
    }
  }
}

/**
 * Runs a copy or sync of many files. When it reports files it would replace, asks about
 * each (or once for all) and runs it again with the answers; a Cancel copies nothing.
 */
export async function transferAsking(run: (decisions: ReplaceDecisions) => Promise<SyncResult>): Promise<SyncResult> {
  const decisions: ReplaceDecisions = {};
  for (let round = 0; ; round++) {
    const result = await run(decisions);
    if (result.outcome !== 'needs-consent' || round >= MAX_ROUNDS) return result;
    const conflicts = result.conflicts ?? [];
    let forAll: Exclude<ReplaceAnswer, 'cancel'> | null = null;
    for (const [i, conflict] of conflicts.entries()) {
      let answer: ReplaceAnswer | null = forAll;
      if (!answer) {
        const asked = await askReplace(conflict, conflicts.length - i - 1);
        answer = asked.answer;
        if (answer !== 'cancel' && asked.forAll) forAll = answer;
      }
      if (answer === 'cancel') return { ...result, outcome: 'cancelled', conflicts: [] };
      decisions[conflict.target.path] = consentFor(answer, conflict);
    }
  }
}
