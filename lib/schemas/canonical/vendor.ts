import "@/lib/zod-config";
import { z } from "zod";
import { TIERS, ZTier, zEmail, zId, zText } from "../common";

// The canonical vendor and contact: plain JSON types (no coercion, no pre-processing), one
// definition from which the REST API, its OpenAPI document and the forms (lib/schemas/vendor.ts)
// all derive. Strings are trimmed; a string too long, a NUL or a broken character is refused.

export const ZVendorWrite = z
  .object({
    name: zText({ label: "Vendor name", max: 200, min: 1 }),
    services: z
      .array(zText({ label: "Service", max: 120, min: 1 }))
      .max(30, "At most 30 services")
      .default([]),
    tier: ZTier,
    ownerId: zId("Internal owner").optional(),
    website: zText({ label: "Website", max: 300 }).optional(),
    notes: zText({ label: "Notes", max: 5000 }).optional(),
  })
  .meta({ id: "VendorWrite", description: "A vendor as created or replaced." });

export const ZContactWrite = z
  .object({
    name: zText({ label: "Contact name", max: 120, min: 1 }),
    email: zEmail("Contact email"),
    title: zText({ label: "Job title", max: 120 }).optional(),
  })
  .meta({ id: "ContactWrite" });

export const ZContactRead = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Contact" });

export const ZVendorRead = z
  .object({
    id: z.string(),
    name: z.string(),
    services: z.array(z.string()),
    tier: z.enum(TIERS),
    status: z.enum(["active", "archived"]),
    ownerId: z.string().nullable(),
    website: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Vendor" });
export type TVendorRead = z.infer<typeof ZVendorRead>;
