/** Output batching for IPC, and the one-at-a-time command queue. */
import { describe, expect, it } from 'vitest';
import { CommandQueue } from '../../main/board/command-queue';
import { OutputBatcher } from '../../main/board/output-batcher';

describe('OutputBatcher', () => {
  it('joins bursts into one message per interval and keeps split UTF-8 intact', async () => {
    const messages: string[] = [];
    const batcher = new OutputBatcher((text) => messages.push(text), 16);
    const bytes = Buffer.from('naïve ünïcödé 🐍\r\n'.repeat(100));
    for (let i = 0; i < bytes.length; i += 3) batcher.push(bytes.subarray(i, i + 3));
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    batcher.flush();
    expect(messages.join('')).toBe(bytes.toString('utf8'));
    expect(messages.length).toBeLessThan(5);
  });

  it('hands a lone chunk on at once, and streaming output at most once per interval', async () => {
    const sent: Array<{ text: string; at: number }> = [];
    // A long interval, so that a loaded machine's slow tick cannot pass for the interval.
    const batcher = new OutputBatcher((text) => sent.push({ text, at: performance.now() }), 500);
    const typed = performance.now();
    batcher.push(Buffer.from('a')); // an echoed keystroke after a quiet moment
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.at - typed).toBeLessThan(500);
    // A stream right behind it waits for the interval, however fast it comes.
    const stream = setInterval(() => batcher.push(Buffer.from('x')), 1);
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    clearInterval(stream);
    batcher.flush();
    for (let i = 1; i < sent.length - 1; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(490);
  });
});

describe('CommandQueue', () => {
  it('runs jobs one at a time in order, even when one fails', async () => {
    const queue = new CommandQueue();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run(job('a', 30)), queue.run(job('b', 5, true)), queue.run(job('c', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(queue.idle).toBe(true);
  });
});
