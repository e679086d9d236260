import { renderBasemapSvg } from "@/lib/geo/map-geometry";
import { parseMapViewKey } from "@/lib/geo/map-projection";
import { withLink } from "@/lib/portal/route";

// The basemap (land and borders) of the sites map in the vendor portal, drawn here so that the
// browser never loads the atlas (components/geo/linked-world-map.tsx). The view names only a
// height and whole-degree points, so the same view is the same file: cached by the browser.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return withLink(req, params, async () => {
    const view = parseMapViewKey(new URL(req.url).searchParams.get("view") ?? "");
    if (!view) return Response.json({ error: "Not a map view." }, { status: 400 });
    return new Response(renderBasemapSvg(view), {
      headers: {
        "Content-Type": "image/svg+xml",
        // The URL carries the view and its version (MAP_VIEW_VERSION): the same URL, the same file.
        "Cache-Control": "private, max-age=86400",
      },
    });
  });
}
