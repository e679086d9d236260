import "@/lib/zod-config";
import { z } from "zod";
import { ROLES } from "../permissions";
import { zEmail, zText } from "./common";

export const ZRole = z.enum(ROLES, { error: "Choose a role" });

export const ZCreateUser = z.object({
  name: zText({ label: "Name", max: 120, min: 1 }),
  email: zEmail(),
  role: ZRole,
  password: z
    .string()
    .min(12, "Password needs at least 12 characters")
    .max(200, "Password must be at most 200 characters"),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUserId = z.object({ userId: z.string().min(1).max(64) });
export const ZChangeRole = ZUserId.extend({ role: ZRole });
export const ZSetActive = ZUserId.extend({ active: z.boolean() });
