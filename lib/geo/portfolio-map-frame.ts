// The dashboard world map's frame, shared by the server (projection, basemap) and the browser
// (drawing): no map code in here, so the client bundle stays free of d3-geo.

export const PORTFOLIO_MAP = { width: 960, height: 440 } as const;
/** Bump the version when the view or the drawing changes, so browsers fetch the new basemap. */
export const PORTFOLIO_BASEMAP_URL = `/dashboard/world-map.svg?v=${PORTFOLIO_MAP.width}x${PORTFOLIO_MAP.height}-1`;
