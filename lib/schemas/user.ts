import "@/lib/zod-config";
import { z } from "zod";
import { ROLES } from "../permissions";
import { zId } from "./common";

export const ZRole = z.enum(ROLES, { error: "Choose a role" });

export const ZUserId = z.object({ userId: zId("User") });
export const ZChangeRole = ZUserId.extend({ role: ZRole });
export const ZSetActive = ZUserId.extend({ active: z.boolean() });
