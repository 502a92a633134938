import { normalizeText } from '@kotei/domain';
import type { PlanDocument } from '@kotei/contracts';
import type { ProgressBulletTable, ProgressReportTable } from '../../db/schema.js';
import { newId } from '../../ids.js';

type Owner = { measure_id: string | null; sheet_id: string | null };
type Bullets = PlanDocument['sheets'][number]['progress'];

/** The source columns of a row: the lines an item was read from and their text, or nulls. */
export function sourceColumns(source: { lineFrom: number; lineTo: number; rawText: string } | undefined): {
  source_line_from: number | null;
  source_line_to: number | null;
  source_text: string | null;
} {
  return {
    source_line_from: source?.lineFrom ?? null,
    source_line_to: source?.lineTo ?? null,
    source_text: source?.rawText ?? null,
  };
}

/**
 * A round's progress for one measure (or sheet) as rows: one approved report per ministry, as each ministry
 * reports its own part, and the bullets under them; untagged bullets share a report without a ministry.
 */
export function buildProgressRows(
  bullets: Bullets,
  owner: Owner,
  roundId: string,
  now: string,
): { reports: ProgressReportTable[]; bullets: ProgressBulletTable[] } {
  const reports = new Map<string, ProgressReportTable>();
  const rows: ProgressBulletTable[] = [];
  bullets.forEach((bullet, index) => {
    const key = bullet.ministry ?? '';
    let report = reports.get(key);
    if (report === undefined) {
      report = {
        id: newId(),
        round_id: roundId,
        ...owner,
        ministry: bullet.ministry,
        state: 'approved',
        version: 1,
        submitted_at: now,
        submitted_by: null,
        decided_at: now,
        decided_by: null,
        decision_note: null,
        updated_at: now,
        updated_by: null,
        reminded_at: null,
      };
      reports.set(key, report);
    }
    rows.push({
      id: newId(),
      report_id: report.id,
      text: normalizeText(bullet.text),
      ministry: bullet.ministry,
      sort_order: index,
      ...sourceColumns(bullet.source),
    });
  });
  return { reports: [...reports.values()], bullets: rows };
}
