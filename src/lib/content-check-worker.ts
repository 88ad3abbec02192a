/** A thread of the content check (content-check.ts): checks the papers it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { paperProblems, type Entry, type PaperCheck } from './content-check.ts';

parentPort!.on('message', async ({ index, paper, contentDir }: { index: number; paper: Entry; contentDir: string }) => {
  const problems: string[] = [];
  const result: PaperCheck = { problems, passages: await paperProblems(paper, contentDir, problems) };
  parentPort!.postMessage({ index, result });
});
