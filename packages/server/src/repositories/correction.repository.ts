import type { Kysely } from 'kysely';
import type { Correction } from '@kotei/contracts';
import type { DB, ObservationTable, ProgressBulletTable, RoundCorrectionTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { raiseDataVersion } from './batched-writes.js';

/** A stored correction on the wire. */
export function toCorrection(row: RoundCorrectionTable): Correction {
  return {
    id: row.id,
    roundId: row.round_id,
    measureId: row.measure_id,
    ministry: row.ministry,
    kind: row.target_kind,
    targetId: row.target_id,
    original: row.original,
    corrected: row.corrected_text ?? String(row.corrected_value ?? ''),
    correctedValue: row.corrected_value,
    reason: row.reason,
    createdAt: row.created_at,
  };
}

/** What a correction may correct: a bullet or an actual published with the round, as published. */
export interface CorrectionTarget {
  /** The bullet's or the observation's id. */
  id: string;
  measureId: string | null;
  ministry: string | null;
  /** The value as published (before any correction). */
  original: string;
}

/**
 * Put the latest correction of each target over the published rows (never stored so): bullets read their
 * corrected text, actuals their corrected value. Corrections come oldest first.
 */
export function applyCorrections<
  B extends Pick<ProgressBulletTable, 'id' | 'text'>,
  O extends Pick<ObservationTable, 'id' | 'value'>,
>(
  corrections: readonly RoundCorrectionTable[],
  bullets: B[],
  observations: O[],
): { bullets: B[]; observations: O[] } {
  const text = new Map<string, string>();
  const value = new Map<string, number>();
  for (const c of corrections) {
    if (c.target_kind === 'bullet' && c.corrected_text !== null) text.set(c.target_id, c.corrected_text);
    if (c.target_kind === 'actual' && c.corrected_value !== null) value.set(c.target_id, c.corrected_value);
  }
  return {
    bullets: bullets.map((b) => (text.has(b.id) ? { ...b, text: text.get(b.id) ?? b.text } : b)),
    observations: observations.map((o) =>
      value.has(o.id) ? { ...o, value: value.get(o.id) ?? o.value } : o,
    ),
  };
}

/** 正誤: corrections of published rounds, added (never edited or removed), each with its audit event. */
export class CorrectionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The bullet of the round a correction names, or the round's actuals of the KPI it names (of the period, when
   * given): none, one, or several when the period is needed to tell them apart.
   */
  async findTargets(
    roundId: string,
    kind: 'bullet' | 'actual',
    targetId: string,
    period?: string,
  ): Promise<CorrectionTarget[]> {
    if (kind === 'bullet') {
      const row = await this.db
        .selectFrom('progress_bullet')
        .innerJoin('progress_report', 'progress_report.id', 'progress_bullet.report_id')
        .select(['progress_bullet.text', 'progress_report.measure_id', 'progress_report.ministry'])
        .where('progress_report.round_id', '=', roundId)
        .where('progress_bullet.id', '=', targetId)
        .executeTakeFirst();
      return row
        ? [{ id: targetId, measureId: row.measure_id, ministry: row.ministry, original: row.text }]
        : [];
    }
    let query = this.db
      .selectFrom('observation')
      .innerJoin('kpi', 'kpi.id', 'observation.kpi_id')
      .select(['observation.id', 'observation.value', 'kpi.measure_id'])
      .where('observation.round_id', '=', roundId)
      .where('observation.kpi_id', '=', targetId);
    if (period !== undefined) query = query.where('observation.period_label', '=', period);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      measureId: row.measure_id,
      ministry: null,
      original: String(row.value),
    }));
  }

  /** A round's corrections, oldest first. */
  async listForRound(roundId: string): Promise<RoundCorrectionTable[]> {
    return this.db
      .selectFrom('round_correction')
      .selectAll()
      .where('round_id', '=', roundId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Store a correction, raise the plan's data_version (statuses use the corrected actual) and audit it. */
  async insert(row: RoundCorrectionTable, planId: string, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('round_correction').values(row).execute();
      await raiseDataVersion(trx, { planId });
      await insertAuditEvent(trx, row.created_at, audit);
    });
  }
}
