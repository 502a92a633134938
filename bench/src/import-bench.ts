import { readFileSync } from 'node:fs';
import { decodeDocument, parseFollowUp } from '@kotei/importers';
import { summarize, time, type Timing } from './stats.js';

/** What the import benchmark measured. */
export interface ImportBench {
  seedChars: number;
  seed: Timing;
  large: Timing;
  copies: number;
  /** Time per copy of the large document over the time of the seed alone: 1.0 is linear growth. */
  perCopyRatio: number;
}

/**
 * Reading the seed document (decode + parse) against a document of the same family 100 times its size (the
 * seed's sheets repeated), to show that import time grows linearly.
 */
export async function benchImport(seedFile: URL, copies: number, samples: number): Promise<ImportBench> {
  const bytes = readFileSync(seedFile);
  const text = bytes.toString('utf8');
  const largeBytes = Buffer.from(Array.from({ length: copies }, () => text).join('\n'));
  const read = (input: Uint8Array): number => {
    const decoded = decodeDocument(input);
    if (!decoded.ok) throw new Error(decoded.error.message);
    return parseFollowUp(decoded.text, { slug: 'bench' }).plan.sheets.length;
  };
  const seed = summarize(await time(samples * 4, 3, () => read(bytes)));
  const large = summarize(await time(samples, 1, () => read(largeBytes)));
  return { seedChars: text.length, seed, large, copies, perCopyRatio: large.p50 / copies / seed.p50 };
}
