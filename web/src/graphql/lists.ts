/*
 * Every top-level list the console reads goes through here: `shelters`, `placementRequests` and
 * `claims` are cursor connections (a page of `nodes`); the console shows their first page.
 */
export function listOf<T>(list: { readonly nodes: readonly T[] } | readonly T[] | null | undefined): T[] {
  if (!list) return [];
  return 'nodes' in list ? [...list.nodes] : [...list];
}
