// Shared by the engine and the browser's sites editor: no Node or server imports here.

export const EARTH_RADIUS_KM = 6371.0088;
/** Two sites closer than this are the same place, whatever their facility names say. */
export const SAME_PLACE_KM = 1;

export type TPoint = { lat: number; lon: number };
export type TPlaceSite = TPoint & { facility?: string | undefined };

const RAD = Math.PI / 180;

export type TDistanceKmInput = { from: TPoint; to: TPoint };

/** Great-circle (haversine) distance on a sphere of radius 6371.0088 km. */
export function distanceKm({ from, to }: TDistanceKmInput): number {
  const dLat = (to.lat - from.lat) * RAD;
  const dLon = (to.lon - from.lon) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(from.lat * RAD) * Math.cos(to.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Facility names compare trimmed and case-insensitively; blank means "not given". */
export function normalizeFacility(facility: string | undefined): string {
  return facility === undefined ? "" : facility.trim().toLowerCase();
}

export type TSamePlaceReason = "facility" | "distance";

export type TIsSamePlaceInput = { a: TPlaceSite; b: TPlaceSite; km?: number };

/** Why two sites are the same place, or null when they are not. */
export function getSamePlaceReason({ a, b, km }: TIsSamePlaceInput): TSamePlaceReason | null {
  const facility = normalizeFacility(a.facility);
  if (facility !== "" && facility === normalizeFacility(b.facility)) return "facility";
  const distance = km ?? distanceKm({ from: a, to: b });
  return distance < SAME_PLACE_KM ? "distance" : null;
}

/** Same place: a shared non-empty facility, or less than 1 km apart. */
export function isSamePlace(input: TIsSamePlaceInput): boolean {
  return getSamePlaceReason(input) !== null;
}
