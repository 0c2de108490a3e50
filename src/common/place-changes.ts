import { PlaceCategory } from './enums.js';

/** Channel on which committed place changes are announced to every service instance. */
export const PLACE_CHANGES_CHANNEL = 'opvangnet_place_changes';

/** One changed place, as announced after commit: enough to know which views to refresh. */
export interface PlaceChange {
  placeId: string;
  shelterId: string;
  regionId: string;
  category: PlaceCategory;
  /** Set when the change held the place (a claim): it freed nothing, so whoever waits for a free place can skip it. */
  held?: boolean;
}
