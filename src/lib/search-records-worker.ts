/** A thread of the search index (src/integrations/pagefind.ts): reads the records of the built pages it is sent, one at a time. */
import { pageRecords } from './search-records.ts';
import { answerJobs } from './threads.ts';

answerJobs(pageRecords.run);
