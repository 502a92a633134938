import { PlanDocument } from '@kotei/contracts';
import type { AppContext } from './context.js';
import samplePlan from './sample/sample-plan.json' with { type: 'json' };

/** What the first start did, for the CLI to print once. */
export interface FirstStartReport {
  admin: { login: string; password: string } | null;
  sample: { slug: string } | null;
}

/** The login of the administrator made on first start. */
export const FIRST_ADMIN_LOGIN = 'admin';

/**
 * On an empty database: load the sample plan (unless asked not to), then make the administrator with a
 * random password, returned to be printed once. The sample goes first so that a failure leaves the database
 * empty and the next start tries again, instead of leaving an admin whose password nobody saw.
 */
export async function prepareFirstStart(
  ctx: AppContext,
  options: { loadSample: boolean },
): Promise<FirstStartReport> {
  if (await ctx.users.hasAny()) return { admin: null, sample: null };
  try {
    return await prepareEmptyDatabase(ctx, options);
  } catch (error) {
    // Several instances started together on one new database: the unique slug and login let only one of
    // them prepare it; the others find it done and carry on.
    const prepared = (await ctx.users.hasAny()) || (await ctx.plans.list()).length > 0;
    if (prepared) return { admin: null, sample: null };
    throw error;
  }
}

async function prepareEmptyDatabase(
  ctx: AppContext,
  options: { loadSample: boolean },
): Promise<FirstStartReport> {
  let sample: FirstStartReport['sample'] = null;
  if (options.loadSample && (await ctx.plans.list()).length === 0) {
    sample = await ctx.plans.create('system', PlanDocument.parse(samplePlan));
  }
  const created = await ctx.users.add('system', {
    login: FIRST_ADMIN_LOGIN,
    displayName: '管理者',
    role: 'admin',
  });
  return { admin: { login: created.user.login, password: created.password }, sample };
}
