const UNDER_TEN = new Intl.NumberFormat("en", {
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
});
const WHOLE = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

export type TFormatDistanceKmInput = { km: number };

/** "0.4 km", "9.9 km", "1,090 km": a decimal only where it can matter (under 10 km). */
export function formatDistanceKm({ km }: TFormatDistanceKmInput): string {
  if (!Number.isFinite(km)) return "unknown";
  // Round first, so 9.96 reads "10 km", not "10.0 km".
  const tenths = Math.round(km * 10) / 10;
  return tenths < 10 ? `${UNDER_TEN.format(tenths)} km` : `${WHOLE.format(km)} km`;
}
