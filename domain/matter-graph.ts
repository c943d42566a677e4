// The catalogue's `requires` relation (a matter's approval stands only on the matters it builds
// on) must stay acyclic, or no matter of a cycle could ever stand. Pure, shared by the admin API.

/** Matter code → the codes it requires, for every matter in the catalogue. */
export type RequiresGraph = ReadonlyMap<string, readonly string[]>;

/**
 * With `code` requiring `requires` (replacing whatever the graph had for it): the index in
 * `requires` of the first requirement that leads back to `code`, or null when there is no cycle.
 */
export function requirementCycle(code: string, requires: readonly string[], graph: RequiresGraph): number | null {
  const leadsBack = (start: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current === code) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...(graph.get(current) ?? []));
    }
    return false;
  };
  const index = requires.findIndex(leadsBack);
  return index === -1 ? null : index;
}
