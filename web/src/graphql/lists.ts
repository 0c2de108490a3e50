/*
 * Every top-level list the console reads goes through here. Today the API returns plain lists;
 * when `shelters`, `placementRequests` and `claims` become cursor connections, only these
 * helpers (and the `edges { node }` in the documents) change.
 */
export function listOf<T>(list: readonly T[] | null | undefined): T[] {
  return list ? [...list] : [];
}
