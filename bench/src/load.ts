import { PlanDocument } from '@kotei/contracts';
import { systemClock } from '@kotei/domain';
import { openContext } from '@kotei/server';
import { GOVERNMENT_SCALE, portfolioCounts, syntheticPlan } from './portfolio.js';

// Load the synthetic portfolio into the database of KOTEI_DATABASE_URL (SQLite or PostgreSQL):
//   KOTEI_DATABASE_URL=postgres://… npm run bench:load
const url = process.env.KOTEI_DATABASE_URL ?? 'sqlite:./data/kotei.db';
const ctx = await openContext({ databaseUrl: url, cwd: process.cwd(), clock: systemClock });
try {
  const start = performance.now();
  for (let i = 0; i < GOVERNMENT_SCALE.plans; i += 1) {
    const doc = PlanDocument.parse(syntheticPlan(i, GOVERNMENT_SCALE));
    await ctx.plans.create('system', doc);
    process.stderr.write(`\rloaded ${i + 1}/${GOVERNMENT_SCALE.plans} plans`);
  }
  const counts = portfolioCounts(GOVERNMENT_SCALE);
  console.log(
    `\nloaded ${JSON.stringify(counts)} in ${((performance.now() - start) / 1000).toFixed(1)} s into ${ctx.database.kind}`,
  );
} finally {
  await ctx.close();
}
