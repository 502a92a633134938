// The site's addresses, built in one place so a page never spells another page's URL.

/** A plan's page: /plans/<slug>. */
export function planPath(slug: string): string {
  return `/plans/${encodeURIComponent(slug)}`;
}

/** A measure's page: /plans/<slug>/measures/<id>. */
export function measurePath(slug: string, measureId: string): string {
  return `${planPath(slug)}/measures/${encodeURIComponent(measureId)}`;
}
