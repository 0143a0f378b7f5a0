import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(execFile);
import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync } from 'node:fs';
import { startPtyRelay } from '../test/support/pty-relay';
import { openModernTransport, startQemuModern } from '../test/support/qemu-modern';
const qemu = await startQemuModern();
const relay = await startPtyRelay(qemu.path, { baud: 115200 });
await (await openModernTransport(relay)).close();
writeFileSync('/tmp/probe/r.bin', randomBytes(32 * 1024));
for (const log of ['/tmp/probe/up1.log', '/tmp/probe/up2.log']) {
  rmSync(log, { force: true });
  const t0 = performance.now();
  await run(process.execPath, ['bin/mpstudio.mjs', '--port', relay.path, 'cp', '/tmp/probe/r.bin', ':/cli.bin'], { env: { ...process.env, WIRELOG: log } });
  console.log('up', ((performance.now() - t0) / 1000).toFixed(2));
}
const t1 = performance.now();
await run(process.execPath, ['bin/mpstudio.mjs', '--port', relay.path, 'cp', ':/cli.bin', '/tmp/probe/back.bin'], { env: { ...process.env, WIRELOG: '/tmp/probe/down.log' } });
console.log('down', ((performance.now() - t1) / 1000).toFixed(2));
await relay.close(); await qemu.kill();
process.exit(0);
