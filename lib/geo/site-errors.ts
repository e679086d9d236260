import { ZSites } from "@/lib/questionnaires/site-schema";

// Field-level messages for the sites editor, from the same zod schema the server and the
// assess command use, so the editor never accepts what the assessment would refuse.

const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: "id",
  name: "name",
  role: "role",
  provider: "provider",
  city: "city",
  country: "country",
  lat: "latitude",
  lon: "longitude",
  region: "region",
  facility: "facility",
};

const isUnset = (v: unknown) => v === undefined || v === null || v === "";
const valueAt = (sites: unknown, index: number, field: string): unknown => {
  const site = Array.isArray(sites) ? sites[index] : undefined;
  return site && typeof site === "object" ? (site as Record<string, unknown>)[field] : undefined;
};

export type TValidateSitesInput = { sites: unknown };

/**
 * Errors keyed like the answers' paths without the prefix ("sites[1].lat"), each a sentence
 * naming the site and field: "Site 2 latitude: a number from -90 to 90".
 */
export function validateSites({ sites }: TValidateSitesInput): Record<string, string> {
  const result = ZSites.safeParse(sites);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const [index, field] = issue.path;
    if (typeof index !== "number") {
      errors.sites ??= `Sites: ${issue.message}`;
      continue;
    }
    const where = `Site ${index + 1}`;
    if (typeof field !== "string") {
      const extra =
        issue.code === "unrecognized_keys" ? ` (unknown: ${issue.keys.join(", ")})` : "";
      errors[`sites[${index}]`] ??= `${where}: ${issue.message}${extra}`;
      continue;
    }
    if ((field === "lat" || field === "lon") && isUnset(valueAt(sites, index, field))) {
      // Not given yet: the vendor has not placed the site, which one message says for both
      // (a value that is there but not a number is named as the field below).
      errors[`sites[${index}].${field}`] ??=
        `${where} needs its location: pick a city or type coordinates`;
      continue;
    }
    const label = FIELD_LABELS[field] ?? field;
    // The schema says "(latitude)" for files; beside the input the label already says it.
    const message = issue.message.replace(` (${label})`, "");
    errors[`sites[${index}].${field}`] ??= `${where} ${label}: ${message}`;
  }
  return errors;
}
