/** A thread of the content check (content-check.ts): checks the papers it is sent, one at a time. */
import { checkPaper } from './content-check.ts';
import { answerJobs } from './threads.ts';

answerJobs(checkPaper);
