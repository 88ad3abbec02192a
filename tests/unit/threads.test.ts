import { expect, test } from 'vitest';
import { inOrderOnThreads } from '../../src/lib/threads.ts';
import { echoJob } from '../fixtures/threads/echo-job.ts';

const items = Array.from({ length: 10 }, (_, i) => String(i));

async function collect(threads: number, list = items) {
  const seen: [string, number][] = [];
  await inOrderOnThreads(list, echoJob, 'echo ', threads, (result, index) => seen.push([result, index]));
  return seen;
}

test.each([0, 1, 2, 3])('results reach the caller in the items’ order on %i thread(s) besides this one, each with what every job shares', async (threads) => {
  expect(await collect(threads)).toEqual(items.map((item, i) => [`echo ${item}`, i]));
});

test.each([0, 1, 2])('a job that fails fails the run with its message (%i thread(s) besides this one)', async (threads) => {
  await expect(collect(threads, ['1', 'fail', '2'])).rejects.toThrow('cannot echo fail');
});
