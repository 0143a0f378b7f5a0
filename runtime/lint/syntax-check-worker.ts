/**
 * The syntax checker's side of its worker: one interpreter, kept for the worker's
 * life, compiles each source the editor sends with MicroPython's own compiler
 * (`compile(source, 'main.py', 'exec')`) and answers with what it rejected.
 */
import { parentPort } from 'node:worker_threads';
import type { MicroPython } from '@micropython/micropython-webassembly-pyscript';
import { importMicroPython } from '../board/import-micropython';
import type { LintAnswer, LintRequest } from '../worker-messages';

const CHECKER_SOURCE = String.raw`
import io, sys

def check(source):
    try:
        compile(source, "main.py", "exec")
        return ""
    except Exception as e:
        buf = io.StringIO()
        sys.print_exception(e, buf)
        return buf.getvalue()
`;

/** `  File "main.py", line 3` in the compiler's report. */
const LINE_PATTERN = /File "main\.py", line (\d+)/g;

export function parseCompilerReport(report: string): LintAnswer['diagnostics'] {
  if (!report) return [];
  let line = 1;
  for (const match of report.matchAll(LINE_PATTERN)) line = Number(match[1]);
  const lines = report.split('\n').map((l) => l.trim()).filter(Boolean);
  const message = lines[lines.length - 1] ?? 'invalid syntax';
  return [{ line, message }];
}

export function serveSyntaxChecks(): void {
  let interpreter: Promise<{ check: (source: string) => string }> | null = null;
  const start = async () => {
    const { loadMicroPython } = await importMicroPython();
    const mp: MicroPython = await loadMicroPython({ linebuffer: false, stdout: () => {}, stderr: () => {} });
    mp.runPython(CHECKER_SOURCE);
    const checker = mp.globals.get('check') as (source: string) => string;
    return { check: (source: string) => checker(source) };
  };
  parentPort?.on('message', async (request: LintRequest) => {
    interpreter ??= start();
    let answer: LintAnswer;
    try {
      const { check } = await interpreter;
      answer = { id: request.id, diagnostics: parseCompilerReport(check(request.source)) };
    } catch (error) {
      // A broken interpreter is replaced on the next request.
      interpreter = null;
      answer = { id: request.id, diagnostics: [], error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(answer);
  });
}
