import "@/lib/zod-config";
import { z } from "zod";

// PostgreSQL text refuses NUL bytes, and no field needs megabytes: every string passes here.
export function zText({ label, max, min = 0 }: { label: string; max: number; min?: number }) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine(
      (v) => !v.includes("\u0000"),
      `${label} contains a NUL character, which is not allowed`,
    );
}

export const zOptionalText = ({ label, max }: { label: string; max: number }) =>
  zText({ label, max })
    .optional()
    .transform((v) => (v ? v : undefined));

export const zEmail = (label = "Email") =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .toLowerCase()
    .max(254, `${label} must be at most 254 characters`)
    .pipe(z.email(`${label} must be a valid email address`));

export const TIERS = ["critical", "high", "moderate", "low"] as const;
export const ZTier = z.enum(TIERS, { error: "Choose a criticality tier" });
