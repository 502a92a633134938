// 内数 (a share of a budget counted elsewhere) is printed beside its project, never added: adding it would
// count the same yen twice. This module is the one place that rule lives; reports and the web both use it.

/** What a budget line needs for the rule: its amount in yen (null for 基金事業 and the like) and whether it is 内数. */
export interface BudgetAmountLine {
  readonly amountYen: number | null;
  readonly isPartOf: boolean;
}

/** How a line takes part in totals: its yen added, shown apart as 内数, or only counted for want of an amount. */
export type BudgetLineRole =
  | { readonly role: 'added'; readonly yen: number }
  | { readonly role: 'part-of'; readonly yen: number }
  | { readonly role: 'without-amount' };

/** The role of one line: a line without an amount is never added; a 内数 line is shown apart, never added. */
export function classifyBudgetLine(line: BudgetAmountLine): BudgetLineRole {
  if (line.amountYen === null) return { role: 'without-amount' };
  return { role: line.isPartOf ? 'part-of' : 'added', yen: line.amountYen };
}

/** The sum of the lines that are added (no 内数, no line without an amount); null when no line is added. */
export function addedBudgetYen(lines: readonly BudgetAmountLine[]): number | null {
  let total: number | null = null;
  for (const line of lines) {
    const share = classifyBudgetLine(line);
    if (share.role === 'added') total = (total ?? 0) + share.yen;
  }
  return total;
}
