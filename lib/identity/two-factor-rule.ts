import type { TwoFactorRule } from "../generated/prisma/enums";
import type { TRole } from "../permissions";

/** Whether an organisation's rule requires a second factor of a user with this role. */
export const isTwoFactorRequired = ({ rule, role }: { rule: TwoFactorRule; role: TRole }) =>
  rule === "everyone" || (rule === "admins" && role === "admin");
