/**
 * The `order` a reorder edit takes to move a node one step among its live siblings (ids in their order): the
 * domain places the node at that index among the others. None when the node is absent or already at that end.
 */
export function reorderStep(ids: readonly string[], id: string, step: -1 | 1): number | null {
  const at = ids.indexOf(id);
  if (at < 0) return null;
  const to = at + step;
  return to < 0 || to >= ids.length ? null : to;
}

/** The nodes not retired, in their order. */
export const live = <T extends { retired: boolean; order: number }>(nodes: readonly T[]): T[] =>
  nodes.filter((n) => !n.retired).sort((a, b) => a.order - b.order);
