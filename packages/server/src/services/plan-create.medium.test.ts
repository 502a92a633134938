import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@kotei/domain';
import type { PlanDocument } from '@kotei/contracts';
import { parseFollowUp } from '@kotei/importers';
import { SAMPLE_DOCUMENT } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';

// The importer resolves ministry tags; a plan document written by hand (a later authoring screen, the sample
// at first start) has its codes checked once by the service, every unknown one named by its path.
describe.each(TEST_DATABASES)('creating a plan from a document on %s', (kind) => {
  let database: TestDatabase;
  let seed: PlanDocument;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seed = parseFollowUp(readFileSync(SAMPLE_DOCUMENT, 'utf8'), { slug: 'hand-written' }).plan;
  });
  afterAll(async () => {
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('refuses every unknown ministry code with its path and writes nothing', async () => {
    const doc = structuredClone(seed);
    const sheet = doc.sheets[0];
    const measure = sheet?.measures[0];
    if (!sheet || !measure) throw new Error('the seed has no first measure');
    measure.ministries = ['厚', '謎'];
    measure.progress.push({ ministry: '謎', text: '進捗' });
    const error = await database.ctx.plans.create('system', doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid_input', code: 'unknown_ministry' });
    const paths = (error as DomainError).details.map((d) => d.path);
    expect(paths).toEqual([
      'sheets[0].measures[0].ministries[1]',
      `sheets[0].measures[0].progress[${measure.progress.length - 1}].ministry`,
    ]);
    expect(await database.ctx.database.db.selectFrom('plan').select('id').execute()).toEqual([]);
  });

  it('writes the document when every code is known', async () => {
    await expect(database.ctx.plans.create('system', seed)).resolves.toMatchObject({ slug: 'hand-written' });
  });
});
