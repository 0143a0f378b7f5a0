/**
 * The replace rule on real firmware under QEMU (the micro:bit's flat file system and
 * the modern firmware's littlefs): ↓ Local and ↑ Board ask before a file whose content
 * differs is replaced, Cancel leaves both files, Replace keeps the local old file in
 * replaced-files/ and the board's in the mirror, Keep both writes a renamed copy.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startQemuMicrobit } from '../support/qemu-microbit';
import { modernFirmwareSkipReason, startQemuModern } from '../support/qemu-modern';
import type { QemuBoard } from '../support/qemu-process';
import { boardPaths, callApi, chooseLocalFolder, connectBoard, openFileBrowser, readBoardText, row, tool, until, type BrowserHarness } from './file-browser-harness';
import { answerReplace, putBoardFile } from './replace-consent-helpers';

const LOCAL = '# the local one\nprint(1)\n'; // 25 B

for (const kind of ['microbit', 'modern'] as const) {
  describe.skipIf(kind === 'modern' && !!modernFirmwareSkipReason())(`replacing a file asks first (${kind} under QEMU)`, { timeout: 240_000 }, () => {
    let t: BrowserHarness;
    let qemu: QemuBoard;
    let project: string;
    const local = (name: string) => readFile(join(project, name), 'utf8');

    beforeAll(async () => {
      qemu = kind === 'microbit' ? await startQemuMicrobit() : await startQemuModern();
      t = await openFileBrowser();
      project = join(t.scratch, 'project');
      await mkdir(project, { recursive: true });
      await writeFile(join(project, 'hello.py'), LOCAL);
      await chooseLocalFolder(t.page, project);
      await connectBoard(t.page, { kind: 'serial', path: qemu.path });
      // The defect's own steps: the board's copy made empty by the board itself.
      await callApi(t.page, 'board', 'exec', 'f = open("hello.py", "w")\nf.write("")\nf.close()');
      await tool(t.page, 'board', 'refresh').click();
      await until(() => boardPaths(t.page), (p) => p.includes('/hello.py'), 'the board to list /hello.py', 60_000);
    }, 240_000);
    afterAll(async () => {
      await t?.close();
      await qemu?.kill();
    });

    it('↓ Local: Cancel keeps the local file, Replace keeps a restorable copy', async () => {
      const { page } = t;
      await row(page, 'board', '/hello.py').click();
      await tool(page, 'board', 'download').click();
      const sides = await answerReplace(page, 'cancel');
      expect(sides.existing).toMatch(/In the local folder: hello\.py25 B · modified \d/);
      expect(sides.incoming).toMatch(/On the board: \/hello\.py0 B · no date/);
      expect(await local('hello.py')).toBe(LOCAL);

      await tool(page, 'board', 'download').click();
      await answerReplace(page, 'replace');
      await expect.poll(() => local('hello.py'), { timeout: 60_000 }).toBe('');
      const kept = join(t.app.userDataDir, 'replaced-files');
      const [folder] = await readdir(kept);
      expect(await readFile(join(kept, folder!, 'hello.py'), 'utf8')).toBe(LOCAL);
    });

    it('↑ Board: Keep both writes a renamed copy; Replace keeps the board’s old file in the mirror', async () => {
      const { page } = t;
      await writeFile(join(project, 'hello.py'), LOCAL);
      await page.locator('.fb-local [data-action="refresh"]').click();
      await putBoardFile(page, '/hello.py', 'old = 1\n');
      await page.locator('.fb-local:not([aria-busy])').waitFor();
      await row(page, 'local', 'hello.py').click();
      await tool(page, 'local', 'upload').click();
      const sides = await answerReplace(page, 'keep-both');
      expect(sides.existing).toMatch(/On the board: \/hello\.py8 B/);
      await expect.poll(() => readBoardText(page, '/hello (2).py').catch(() => null), { timeout: 60_000 }).toBe(LOCAL);
      expect(await readBoardText(page, '/hello.py')).toBe('old = 1\n');
      await until(() => boardPaths(page), (p) => p.includes('/hello (2).py'), 'the board pane to list the renamed copy', 60_000);

      await tool(page, 'local', 'upload').click();
      await answerReplace(page, 'replace');
      await expect.poll(() => readBoardText(page, '/hello.py'), { timeout: 60_000 }).toBe(LOCAL);
      const status = await callApi<{ boardId: string }>(page, 'board', 'status');
      const files = await callApi<Array<{ path: string; versions: number }>>(page, 'mirror', 'list', status.boardId);
      expect(files.find((f) => f.path === '/hello.py')?.versions).toBeGreaterThanOrEqual(1);
      await saveScreenshot(page, `replace-consent-${kind}`);
      expect(t.errors).toEqual([]);
    });
  });
}
