// The site's addresses, built in one place so a page never spells another page's URL.

/** A plan's page: /plans/<slug>. */
export function planPath(slug: string): string {
  return `/plans/${encodeURIComponent(slug)}`;
}

/** A measure's page: /plans/<slug>/measures/<id>. */
export function measurePath(slug: string, measureId: string): string {
  return `${planPath(slug)}/measures/${encodeURIComponent(measureId)}`;
}

/** A plan's follow-up rounds: /plans/<slug>/rounds. */
export function roundsPath(slug: string): string {
  return `${planPath(slug)}/rounds`;
}

/** A round's board: /plans/<slug>/rounds/<id>. */
export function roundPath(slug: string, roundId: string): string {
  return `${roundsPath(slug)}/${encodeURIComponent(roundId)}`;
}

/** A part of a round: /plans/<slug>/rounds/<id>/parts/<partId>. */
export function partPath(slug: string, roundId: string, partId: string): string {
  return `${roundPath(slug, roundId)}/parts/${encodeURIComponent(partId)}`;
}

/** A plan's revision history (見直し): /plans/<slug>/revisions. */
export function revisionsPath(slug: string): string {
  return `${planPath(slug)}/revisions`;
}

/** The coordinator's editor of a plan's draft revision: /plans/<slug>/authoring. */
export function authoringPath(slug: string): string {
  return `${planPath(slug)}/authoring`;
}

/** The coordinating office's update of a plan from its edited workbook: /plans/<slug>/workbook. */
export function planWorkbookPath(slug: string): string {
  return `${planPath(slug)}/workbook`;
}

/** A plan's proposals (変更提案) and their decisions: /plans/<slug>/proposals. */
export function proposalsPath(slug: string): string {
  return `${planPath(slug)}/proposals`;
}

/** The form that creates a plan from scratch: /new-plan. */
export function newPlanPath(): string {
  return '/new-plan';
}
