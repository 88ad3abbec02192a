/**
 * Work spread over threads, handed back in order. A large corpus's build is
 * mostly work done on each paper or page on its own (checking an edition,
 * reading a built page's search records), and one thread leaves the other
 * cores idle. A job is a function (`run`) and the module that runs it on a
 * thread (`worker`, which calls answerJobs with the same function); results
 * reach `each` in the items' order, whatever order the threads finish in, so
 * a build's output does not depend on thread timing.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * How many threads `items` jobs are worth: none (run them here) below
 * `perThread` items, a thread's start-up costing about that many jobs; else one
 * per `perThread` items, up to one per core less the cores kept `spare` for
 * work running beside them, and at least one.
 */
export const threadsFor = (items: number, perThread: number, spare = 0) =>
  items < perThread ? 0 : Math.max(1, Math.min(availableParallelism() - spare, Math.floor(items / perThread)));

export interface Job<I, R, S = undefined> {
  /** One item's work; `shared` is what every item's work reads (sent to each thread once). */
  run: (item: I, shared: S) => R | Promise<R>;
  /** The module that answers jobs with `run` on a thread. */
  worker: URL;
}

/**
 * Runs the job on every item, on `threads` threads (0: here, on this one),
 * calling `each` with each result in the items' order (awaited before the
 * next). A job that fails, or a thread that stops early, fails the run.
 */
export async function inOrderOnThreads<I, R, S>(items: readonly I[], job: Job<I, R, S>, shared: S, threads: number, each: (result: R, index: number) => unknown): Promise<void> {
  if (threads < 1) {
    for (const [index, item] of items.entries()) await each(await job.run(item, shared), index);
    return;
  }
  const done = new Map<number, R>();
  let next = 0;
  let handed = 0;
  let handing: Promise<void> = Promise.resolve();
  /** Hands on every result that is next in order. */
  const handOn = async () => {
    while (done.has(handed)) {
      const result = done.get(handed)!;
      done.delete(handed);
      await each(result, handed++);
    }
  };
  const run = (thread: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= items.length) return resolve();
        const index = next++;
        thread.postMessage({ index, item: items[index] });
      };
      thread.on('message', ({ index, result, error }: { index: number; result?: R; error?: string }) => {
        if (error !== undefined) return reject(new Error(error));
        done.set(index, result as R);
        handing = handing.then(handOn);
        handing.then(send, reject);
      });
      thread.on('error', reject);
      // A thread that stops before the last job is answered must fail the run, not leave it waiting (after the run, a no-op).
      thread.on('exit', (code) => reject(new Error(`a thread stopped (exit code ${code}) before every job was done`)));
      send();
    });
  const pool = Array.from({ length: Math.min(threads, items.length) }, () => new Worker(job.worker, { workerData: shared }));
  try {
    await Promise.all(pool.map(run));
    await handing;
  } finally {
    await Promise.all(pool.map((thread) => thread.terminate()));
  }
}

/** In a worker module: answers each job with `run(item, shared)`, or with its error's message. */
export function answerJobs<I, R, S>(run: Job<I, R, S>['run']): void {
  parentPort!.on('message', async ({ index, item }: { index: number; item: I }) => {
    try {
      parentPort!.postMessage({ index, result: await run(item, workerData as S) });
    } catch (error) {
      parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
