/**
 * electron-builder.yml is valid against the JSON schema electron-builder ships, targets
 * the four platforms' installers, and turns off the fuses a board IDE does not need.
 */
import Ajv from 'ajv';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/web-app';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
/** The parts of electron-builder.yml the checks below read; the schema check covers the rest. */
interface BuilderConfig {
  icon: string;
  linux: { target: string[]; icon: string; category: string; desktop: { entry: Record<string, string> } };
  fileAssociations: Array<{ ext: string; mimeType: string }>;
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}
const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('targets AppImage and deb, nsis and dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('uses icons the build rasterises from resources/icons/icon.svg, not hand-kept PNGs', () => {
    for (const icon of [config.icon, config.linux.icon, config.win.icon, config.mac.icon]) expect(icon).toMatch(/^out\/icons/);
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-icons.mjs')], { encoding: 'utf8' });
    expect(build.status).toBe(0);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(repoRoot, 'out', 'icons', `${size}x${size}.png`));
      // PNG signature, then the IHDR width and height.
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(existsSync(join(repoRoot, 'resources', 'icons', 'icon.png'))).toBe(false);
  });

  it('puts the Linux menu entry under Development, and offers to open .py files', () => {
    expect(config.linux.category).toBe('Development');
    expect(config.linux.desktop.entry.Categories?.split(';')).toContain('Development');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'py', mimeType: 'text/x-python' })]);
  });

  it('turns off run-as-node, NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
});
