import { z } from 'zod';
import { judgeAbnfSeries, measureProgress, type AbnfGrade, type ProgressStatus } from '@kotei/domain';

/** One series of the batch input, as `kotei status --method open-sdg` reads it from stdin. */
export const StatusBatchItem = z.object({
  series: z.array(
    z.object({
      year: z.number().int(),
      // sdg-build drops missing values, so null is accepted and left out.
      value: z.number().nullable(),
    }),
  ),
  config: z.object({
    // No default: the method must not guess whether higher is better.
    direction: z.enum(['increase', 'decrease']),
    base_year: z.number().int(),
    target: z.number().nullable().default(null),
    target_year: z.number().int().nullable().default(null),
    limit: z.number().nullable().default(null),
  }),
});

/** One line of the batch output; invalid items carry the error instead of failing the run. */
export interface StatusBatchResult {
  status: ProgressStatus;
  /** Null when not computed, and where sdg-build would give ±∞ or NaN (JSON has no such numbers). */
  progressValue: number | null;
  score: number | null;
  error?: string;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length === 0 ? '(item)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
}

function measureItem(item: unknown): StatusBatchResult {
  const parsed = StatusBatchItem.safeParse(item);
  if (!parsed.success) {
    return { status: 'no_data', progressValue: null, score: null, error: describeIssues(parsed.error) };
  }
  const { series, config } = parsed.data;
  const result = measureProgress(
    series.map(({ year, value }) => ({ year, value: value ?? Number.NaN })),
    {
      direction: config.direction,
      baseYear: config.base_year,
      target: config.target,
      targetYear: config.target_year,
      limit: config.limit,
    },
  );
  if (!result.isValid) return { status: 'no_data', progressValue: null, score: null, error: result.error };
  return { status: result.status, progressValue: finiteOrNull(result.progressValue), score: result.score };
}

/** The methods `kotei status` runs. */
export const BATCH_METHODS = ['open-sdg', 'abnf'] as const;
/** A method of `kotei status`. */
export type BatchMethod = (typeof BATCH_METHODS)[number];

/**
 * One item as `kotei status --method abnf` reads it: the same JSON as open-sdg; a null direction is a KPI without
 * a quantitative target (F), a null target a direction-only target; the limit is read and not used.
 */
export const AbnfBatchItem = StatusBatchItem.extend({
  config: StatusBatchItem.shape.config.extend({
    // Still no default: null must be written to mean "no quantitative target".
    direction: z.enum(['increase', 'decrease']).nullable(),
  }),
});

/** One line of `kotei status --method abnf`; invalid items are N with the error. */
export interface AbnfBatchResult {
  status: AbnfGrade;
  progress: number | null;
  elapsed: number | null;
  neededNow: number | null;
  error?: string;
}

function gradeItem(item: unknown): AbnfBatchResult {
  const parsed = AbnfBatchItem.safeParse(item);
  if (!parsed.success) {
    return {
      status: 'N',
      progress: null,
      elapsed: null,
      neededNow: null,
      error: describeIssues(parsed.error),
    };
  }
  const { series, config } = parsed.data;
  const result = judgeAbnfSeries(series, {
    direction: config.direction,
    baseYear: config.base_year,
    target: config.target,
    targetYear: config.target_year,
  });
  const line: AbnfBatchResult = {
    status: result.grade,
    progress: finiteOrNull(result.progress),
    elapsed: finiteOrNull(result.elapsed),
    neededNow: finiteOrNull(result.neededNow),
  };
  if (result.error !== null) line.error = result.error;
  return line;
}

/**
 * The batch behind `kotei status --method open-sdg`: a JSON array of `{ series, config }` in, a JSON array of
 * `{ status, progressValue, score }` out, in the same order, by the published method (sdg-build 2.4.0). An
 * invalid item yields `{ status: "no_data", progressValue: null, score: null, error }` in its place and never
 * fails the run; only input that is not a JSON array throws. `--method abnf` reads the same items and prints
 * `{ status: "A" | "B" | "N" | "F", progress, elapsed, neededNow }` (an invalid item is N with its error).
 */
export function runStatusBatch(inputJson: string, method: BatchMethod = 'open-sdg'): string {
  let input: unknown;
  try {
    input = JSON.parse(inputJson);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`kotei status: the input is not valid JSON (${reason})`, { cause: error });
  }
  if (!Array.isArray(input)) {
    throw new Error(
      'kotei status: the input must be a JSON array of { "series": [...], "config": {...} } items',
    );
  }
  const results: (StatusBatchResult | AbnfBatchResult)[] = input.map((item: unknown) => {
    try {
      return method === 'abnf' ? gradeItem(item) : measureItem(item);
    } catch (error) {
      // The method never throws on data; this keeps one unforeseen item from failing the other 11,999.
      const reason = error instanceof Error ? error.message : String(error);
      return method === 'abnf'
        ? { status: 'N', progress: null, elapsed: null, neededNow: null, error: reason }
        : { status: 'no_data', progressValue: null, score: null, error: reason };
    }
  });
  return JSON.stringify(results);
}
