/**
 * Main-side plot parsing throughput: how many board lines a second the PlotFeed
 * (split, parse, name series, batch, JSON-encode) handles, per format. Reference,
 * measured in the same run: the least any parser must do, `split(',').map(Number)`
 * on the same CSV lines. The plotter needs 10,000 lines a second.
 */
import { PlotFeed } from '../main/plot/plot-feed';

const REQUIRED_LINES_PER_SECOND = 10_000;
const LINES_PER_CHUNK = 1000;
const CHUNKS = 300;

function chunkOf(makeLine: (i: number) => string): string {
  let text = '';
  for (let i = 0; i < LINES_PER_CHUNK; i++) text += makeLine(i);
  return text;
}

const FORMATS: Array<[string, string]> = [
  ['CSV, 4 series', chunkOf((i) => `${(Math.sin(i) * 100).toFixed(2)},${((i % 50) / 3).toFixed(3)},${i},${-i * 0.5}\r\n`)],
  ['Mu tuples, 3 series', chunkOf((i) => `(${i}, ${(i / 7).toFixed(2)}, -3)\r\n`)],
  ['name:value, 3 series', chunkOf((i) => `temp:${i / 10} hum:${i % 40} p:${1000 + i}\r\n`)],
  ['Thonny text, 2 series', chunkOf((i) => `Temperature: ${i / 10} C, pressure ${1000 + i}\r\n`)],
];

function feedRate(text: string): number {
  let rows = 0;
  const feed = new PlotFeed((batch) => {
    rows += batch.t.length;
    JSON.stringify(batch);
  }, { intervalMs: 1e9 });
  const started = performance.now();
  for (let k = 0; k < CHUNKS; k++) {
    feed.push(text);
    // About 33 ms of lines at 10,000 a second per batch, as in the app.
    if (k % 3 === 2) feed.flush();
  }
  feed.flush();
  feed.dispose();
  return (rows * 1000) / (performance.now() - started);
}

function referenceRate(text: string): number {
  let sum = 0;
  let rows = 0;
  const started = performance.now();
  for (let k = 0; k < CHUNKS; k++) {
    for (const line of text.split('\r\n')) {
      if (!line) continue;
      for (const value of line.split(',').map(Number)) sum += value;
      rows++;
    }
  }
  // Use the sum, so the engine cannot drop the loop as dead code.
  if (Number.isNaN(sum)) console.log('(the reference summed to NaN)');
  return (rows * 1000) / (performance.now() - started);
}

// Warm both paths up so the JIT has compiled them before timing.
feedRate(FORMATS[0]?.[1] ?? '');
referenceRate(FORMATS[0]?.[1] ?? '');
const reference = referenceRate(FORMATS[0]?.[1] ?? '');
console.log(`reference split(',').map(Number): ${Math.round(reference).toLocaleString()} lines/s`);
let ok = true;
for (const [name, text] of FORMATS) {
  const rate = feedRate(text);
  ok &&= rate >= REQUIRED_LINES_PER_SECOND;
  console.log(
    `${name.padEnd(24)} ${Math.round(rate).toLocaleString().padStart(10)} lines/s  ` +
      `(${(rate / reference).toFixed(2)} × reference, ${(rate / REQUIRED_LINES_PER_SECOND).toFixed(1)} × the 10,000/s needed)`,
  );
}
process.exit(ok ? 0 : 1);
