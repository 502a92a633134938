import type { AppContext } from '../context.js';
import type { Operator } from '../services/actor.js';
import type { ImportInput } from '../services/import.service.js';

/** Where `kotei import` writes its lines. */
interface Io {
  out: (line: string) => void;
}

/**
 * `kotei import FILE --into PLAN [--dry-run]`: a KPI table's groups added to the plan's measures, each group to the
 * measure proposed for it (the one whose title agrees best); a group no measure agrees with is left out. A dry run
 * prints the groups and proposals and writes nothing; otherwise one transaction, the plan's next revision.
 */
export async function importInto(
  ctx: AppContext,
  io: Io,
  operator: Operator,
  slug: string,
  input: ImportInput,
  dryRun: boolean,
): Promise<void> {
  const preview = await ctx.tableIntoPlan.preview(operator, slug, input);
  const titles = new Map(preview.measures.map((m) => [m.id, m.title]));
  for (const group of preview.groups) {
    const to = group.proposal === null ? null : titles.get(group.proposal.measureId);
    const exists = group.kpis.filter((k) => k.existsOnProposed).length;
    io.out(
      `${group.key} ${group.title}: ${String(group.kpis.length)} KPI(s) → ${
        to == null ? 'no measure agrees (left out)' : `${to} (score ${String(group.proposal?.score)})`
      }${exists > 0 ? `, ${String(exists)} already there` : ''}`,
    );
  }
  const targets = preview.groups.flatMap((g) =>
    g.proposal === null ? [] : [{ key: g.key, measureId: g.proposal.measureId }],
  );
  if (dryRun) {
    io.out(
      `dry run: ${String(targets.length)} of ${String(preview.groups.length)} group(s) would be added to "${slug}"`,
    );
    return;
  }
  if (targets.length === 0) {
    io.out(`nothing added: no group of ${input.fileName} agrees with a measure of "${slug}"`);
    return;
  }
  const result = await ctx.tableIntoPlan.commit(operator, slug, input, targets);
  for (const d of result.duplicates) io.out(`not added (the measure has it): ${d.name}`);
  io.out(
    result.revision === null
      ? `nothing added to "${slug}": every KPI is already on its measure`
      : `added ${String(result.added.length)} KPI(s) to "${slug}" as revision ${String(result.revision)}`,
  );
}
