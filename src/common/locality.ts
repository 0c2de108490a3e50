import { registerEnumType } from '@nestjs/graphql';
/**
 * A shelter's exact location lies within this distance of its public locality (a CHECK in the
 * database, migration ShelterSecrets). Rules that must keep a distance use the locality with this
 * margin, so what anyone without address access sees never depends on the exact location.
 */
export const LOCALITY_RADIUS_KM = 10;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** Great-circle distance (haversine), the same formula as opvangnet_distance_km in SQL. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Coarse distance bands: all that a role without address access learns about how far a shelter is. */
export enum DistanceBand {
  UNDER_25_KM = 'UNDER_25_KM',
  KM_25_TO_50 = 'KM_25_TO_50',
  KM_50_TO_100 = 'KM_50_TO_100',
  OVER_100_KM = 'OVER_100_KM',
}

export const DISTANCE_BAND_TEXT: Record<DistanceBand, string> = {
  UNDER_25_KM: '< 25 km',
  KM_25_TO_50: '25-50 km',
  KM_50_TO_100: '50-100 km',
  OVER_100_KM: '> 100 km',
};

export function distanceBand(km: number): DistanceBand {
  if (km < 25) return DistanceBand.UNDER_25_KM;
  if (km < 50) return DistanceBand.KM_25_TO_50;
  if (km < 100) return DistanceBand.KM_50_TO_100;
  return DistanceBand.OVER_100_KM;
}

registerEnumType(DistanceBand, {
  name: 'DistanceBand',
  description: 'From the home region\'s centre to a shelter\'s public locality: < 25 km, 25-50 km, 50-100 km, > 100 km.',
});
