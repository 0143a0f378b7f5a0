/**
 * The navigation and sender checks compare origins exactly (issue 17 item 8): the old
 * prefix test let `http://localhost:5173.evil.com` pass for the dev server. The menu
 * offers DevTools only when the app is not packaged (item 9), and File → Examples opens
 * a copy of the example chosen (issue 11 point 18). Against FAKE electron
 * modules (the real ones need the Electron binary).
 */
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../support/fake-electron';

const fake = createFakeElectron();
type MenuItem = { label?: string; role?: string; toolTip?: string; click?: () => void; submenu?: MenuItem[] };
let menu: MenuItem[] = [];
fake.module.Menu = { buildFromTemplate: (template: typeof menu) => template, setApplicationMenu: (built: typeof menu) => (menu = built) };
vi.mock('electron', () => fake.module);

describe('isSameOrigin', () => {
  it('accepts the app page and the dev server, with any path', async () => {
    const { isSameOrigin } = await import('../../main/electron/security');
    expect(isSameOrigin('app://studio/index.html#x', 'app://studio/index.html')).toBe(true);
    expect(isSameOrigin('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
  });

  it('refuses look-alikes: a longer host, another port or scheme, credentials', async () => {
    const { isSameOrigin } = await import('../../main/electron/security');
    for (const url of [
      'http://localhost:5173.evil.com/',
      'http://localhost:51730/',
      'https://localhost:5173/',
      'http://evil@localhost:5173/',
      'app://studio.evil.com/index.html',
      'app://studiox/index.html',
      'file:///work/out/renderer/index.html',
      'not a url',
    ]) {
      expect(isSameOrigin(url, url.startsWith('app:') ? 'app://studio/index.html' : 'http://localhost:5173'), url).toBe(false);
    }
  });
});

describe('setupMenu', () => {
  const roles = () => menu.flatMap((m) => m.submenu ?? []).map((item) => item.role);

  it('has Toggle DevTools only behind the development flag', async () => {
    const { setupMenu } = await import('../../main/electron/menu');
    const none = { examples: [], openExample: () => {} };
    setupMenu(() => {}, { helpUrl: 'https://docs.micropython.org/', devTools: false, ...none });
    expect(roles()).not.toContain('toggleDevTools');
    setupMenu(() => {}, { helpUrl: 'https://docs.micropython.org/', devTools: true, ...none });
    expect(roles()).toContain('toggleDevTools');
  });

  it('lists the examples under File → Examples; choosing one asks the page to open a copy', async () => {
    const { setupMenu } = await import('../../main/electron/menu');
    const chosen: string[] = [];
    const examples = [{ name: 'blink.py', summary: 'Blink the LED.' }, { name: 'servo_sweep.py', summary: 'Sweep a servo.' }];
    setupMenu(() => {}, { helpUrl: 'https://docs.micropython.org/', devTools: false, examples, openExample: (name) => chosen.push(name) });
    const file = menu.find((m) => m.label === '&File')!;
    const submenu = file.submenu!.find((item) => item.label === 'Examples')!.submenu!;
    expect(submenu.map((item) => [item.label, item.toolTip])).toEqual([['blink.py', 'Blink the LED.'], ['servo_sweep.py', 'Sweep a servo.']]);
    submenu[1]!.click!();
    expect(chosen).toEqual(['servo_sweep.py']);
  });
});
