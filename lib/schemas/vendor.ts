import "@/lib/zod-config";
import { z } from "zod";
import { ZContactWrite, ZVendorWrite } from "./canonical/vendor";
import { formOf } from "./form";

/** The vendor form: the canonical vendor, an empty optional field read as absent. */
export const ZVendor = formOf(ZVendorWrite);
export type TVendor = z.infer<typeof ZVendor>;
export type TVendorInput = z.input<typeof ZVendor>;

export const ZVendorContact = formOf(ZContactWrite);
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
