import "@/lib/zod-config";
import { z } from "zod";
import { ZTier, zEmail, zOptionalId, zOptionalText, zText } from "./common";

export const ZVendor = z.object({
  name: zText({ label: "Vendor name", max: 200, min: 1 }),
  services: z
    .array(zText({ label: "Service", max: 120, min: 1 }))
    .max(30, "At most 30 services")
    .default([]),
  tier: ZTier,
  ownerId: zOptionalId("Internal owner"),
  website: zOptionalText({ label: "Website", max: 300 }),
  notes: zOptionalText({ label: "Notes", max: 5000 }),
});
export type TVendor = z.infer<typeof ZVendor>;
export type TVendorInput = z.input<typeof ZVendor>;

export const ZVendorContact = z.object({
  name: zText({ label: "Contact name", max: 120, min: 1 }),
  email: zEmail("Contact email"),
  title: zOptionalText({ label: "Job title", max: 120 }),
});
export type TVendorContact = z.infer<typeof ZVendorContact>;

/** GET /api/vendors: one page of the vendor list. */
export const VENDOR_API_PAGE_SIZE = 100;
const MAX_PAGE = 100_000;
const PAGE_MESSAGE = `page must be a whole number from 1 to ${MAX_PAGE}`;
export const ZVendorListQuery = z.object({
  page: z.coerce
    .number({ error: PAGE_MESSAGE })
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_PAGE, PAGE_MESSAGE)
    .default(1),
});
