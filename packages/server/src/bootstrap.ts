import { readFileSync } from 'node:fs';
import type { AppContext } from './context.js';
import type { Operator } from './services/actor.js';

/** What the first start did, for the CLI to print once. */
export interface FirstStartReport {
  admin: { login: string; password: string } | null;
  sample: { slug: string; issues: number } | null;
}

/** The login of the administrator made on first start. */
export const FIRST_ADMIN_LOGIN = 'admin';

/** The sample plan's document: the public drug-discovery roadmap follow-up, as converted from its PDF. */
export const SAMPLE_DOCUMENT = new URL('../sample/drug-discovery-2024.follow-up.md', import.meta.url);
/** The slug of the sample plan. */
export const SAMPLE_SLUG = 'drug-discovery-2024';

/**
 * On an empty database: import the sample document through the importer (unless asked not to), then make
 * the administrator with a random password, returned to be printed once. The sample goes first so that a
 * failure leaves the database empty and the next start tries again, instead of leaving an admin whose
 * password nobody saw.
 */
export async function prepareFirstStart(
  ctx: AppContext,
  options: { loadSample: boolean; operator?: Operator },
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
  options: { loadSample: boolean; operator?: Operator },
): Promise<FirstStartReport> {
  let sample: FirstStartReport['sample'] = null;
  if (options.loadSample && (await ctx.plans.list()).length === 0) {
    const result = await ctx.imports.commit(
      options.operator ?? 'system',
      {
        bytes: readFileSync(SAMPLE_DOCUMENT),
        fileName: 'drug-discovery-2024.follow-up.md',
        slug: SAMPLE_SLUG,
      },
      {
        isSample: true,
        policyFields: ['pharma-industry'],
        description:
          'サンプルデータ: 内閣官房健康・医療戦略室「政策目標と工程表」のフォローアップ資料（公表資料）を kotei の取込機能で読み込んだものです。公式の記録ではありません。',
      },
    );
    sample = { slug: result.slug, issues: result.issues };
  }
  const created = await ctx.users.add(options.operator ?? 'system', {
    login: FIRST_ADMIN_LOGIN,
    displayName: '管理者',
    role: 'admin',
  });
  return { admin: { login: created.user.login, password: created.password }, sample };
}
