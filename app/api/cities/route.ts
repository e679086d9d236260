import { CityQueryError, searchCities } from "@/lib/geo/cities";

// Public reference data for the vendor portal's city search (which has no session), so no
// auth check here; proxy.ts lists this path as public. Answers depend on the query alone.
export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const query = new URL(req.url).searchParams.get("q") ?? "";
  try {
    const data = await searchCities({ query });
    return Response.json({ data }, { headers: { "Cache-Control": "public, max-age=86400" } });
  } catch (e) {
    if (e instanceof CityQueryError) {
      return Response.json(
        { error: e.message },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    }
    throw e;
  }
}
