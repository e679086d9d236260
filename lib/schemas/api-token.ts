import "@/lib/zod-config";
import { z } from "zod";
import { getTodayUtc } from "../dates";
import { ROLES } from "../permissions";
import { zId, zText } from "./common";
import { formOf } from "./form";

export const ZApiTokenWrite = z.object({
  name: zText({ label: "Token name", max: 120, min: 1 }),
  role: z.enum(ROLES, { error: "Choose a role" }),
  /** The last day the token works (UTC); absent: until revoked. */
  expiresOn: z.iso
    .date({ error: "Expiry must be a date (YYYY-MM-DD)", abort: true })
    .refine((d) => d > getTodayUtc(), "Expiry must be a day after today")
    .optional(),
});

export const ZCreateApiToken = formOf(ZApiTokenWrite);
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;
export type TCreateApiTokenInput = z.input<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({ tokenId: zId("Token") });
