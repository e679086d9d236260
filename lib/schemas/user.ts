import "@/lib/zod-config";
import { z } from "zod";
import { ROLES } from "../permissions";
import { zEmail, zId, zNewPassword, zText } from "./common";

export const ZRole = z.enum(ROLES, { error: "Choose a role" });

export const ZCreateUser = z.object({
  name: zText({ label: "Name", max: 120, min: 1 }),
  email: zEmail(),
  role: ZRole,
  password: zNewPassword(),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUserId = z.object({ userId: zId("User") });
export const ZChangeRole = ZUserId.extend({ role: ZRole });
export const ZSetActive = ZUserId.extend({ active: z.boolean() });
