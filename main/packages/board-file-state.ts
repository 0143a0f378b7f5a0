/**
 * Which planned files the board already has with the same content, so an install skips
 * them ("Exists") and a failed install knows which files it created and may remove.
 * Boards with hashlib hash in C, in batches; others (micro:bit) compare sizes first and
 * then an Adler-32 computed on the board.
 */
import type { BoardSession } from '../board/board-session';
import { hashOnBoard, hashOnHost } from '../board/fs-download';
import type { BoardFsFeatures } from '../board/fs-capabilities';
import { pyStr } from '../board/python-literal';
import { batchHashSource, HASH_BATCH } from '../sync/batch-hash';

export type FileState = 'missing' | 'same' | 'different';

/** `paths` are firmware-side paths; `data` the content each should have. */
export async function boardFileStates(session: BoardSession, features: BoardFsFeatures, files: readonly { boardPath: string; data: Uint8Array; sha256: string }[]): Promise<Map<string, FileState>> {
  const states = new Map<string, FileState>();
  if (features.hashlib) {
    for (let i = 0; i < files.length; i += HASH_BATCH) {
      const batch = files.slice(i, i + HASH_BATCH);
      const lines = linesOf(await session.execText(batchHashSource(batch.map((f) => f.boardPath)), { timeoutMs: 60_000 }));
      batch.forEach((file, j) => {
        const line = lines[j];
        states.set(file.boardPath, line === '-' ? 'missing' : line === file.sha256 ? 'same' : 'different');
      });
    }
    return states;
  }
  // No hashlib: sizes in one command, then Adler-32 only where the size matches.
  const sizeSource = `import os\nfor _p in (${files.map((f) => pyStr(f.boardPath)).join(',')},):\n try:\n  print(${features.stat ? 'os.stat(_p)[6]' : 'os.size(_p)'})\n except OSError:\n  print('-')`;
  const sizes = files.length ? linesOf(await session.execText(sizeSource, { timeoutMs: 30_000 })) : [];
  for (const [j, file] of files.entries()) {
    const size = sizes[j];
    if (size === '-' || size === undefined) states.set(file.boardPath, 'missing');
    else if (Number(size) !== file.data.length) states.set(file.boardPath, 'different');
    else {
      const onBoard = await hashOnBoard(session, features, file.boardPath);
      states.set(file.boardPath, onBoard.hex === hashOnHost(file.data, onBoard.algorithm) ? 'same' : 'different');
    }
  }
  return states;
}

const linesOf = (out: string): string[] => out.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
