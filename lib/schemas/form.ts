import "@/lib/zod-config";
import { z } from "zod";

// A form sends "" for a field left empty; the canonical schemas (lib/schemas/canonical/) are
// plain JSON types where an absent optional field is absent. This is the one bridge.
const blankToAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The form schema of a canonical object schema: the same fields, limits and messages, with
 * an optional field left blank read as absent. Form-only pre-processing (a list typed as
 * "DE, IE", numbers typed as text) is added by the caller with `.extend`.
 */
export function formOf<T extends z.ZodRawShape>(canonical: z.ZodObject<T>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(canonical.shape) as [string, z.ZodType][])
    shape[key] = field instanceof z.ZodOptional ? z.preprocess(blankToAbsent, field) : field;
  // Output and input types are the canonical ones ("" is a string either way).
  return z.object(shape) as unknown as z.ZodObject<T>;
}
