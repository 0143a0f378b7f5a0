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
