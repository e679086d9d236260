import "@/lib/zod-config";
import { z } from "zod";
import { ROLES, type TRole } from "../permissions";
import { zText } from "./common";
import { ZRole } from "./user";

// A host name of at least two labels (example.com), lower-case, no scheme, port or path.
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const zDomain = () =>
  z
    .string({ error: "Domain is required" })
    .trim()
    .toLowerCase()
    .min(1, "Domain is required")
    .regex(DOMAIN, "Domain must be a domain name such as example.com, without @ or https://");

export const ZDomain = z.object({ domain: zDomain() });
export type TDomain = z.infer<typeof ZDomain>;

export type TGroupRole = { group: string; role: TRole };

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** "group = role" lines as typed in settings; each bad line is named by its number. */
export function parseGroupRoles(
  text: string,
): { ok: true; value: TGroupRole[] } | { ok: false; message: string } {
  const value: TGroupRole[] = [];
  for (const [i, line] of lines(text).entries()) {
    const m = /^(.+?)\s*=\s*([a-z]+)$/.exec(line);
    const role = ROLES.find((r) => r === m?.[2]);
    if (!m?.[1] || !role) {
      return {
        ok: false,
        message: `Group to role mapping, line ${i + 1}: write "group = role" with a role of ${ROLES.join(", ")}`,
      };
    }
    value.push({ group: m[1], role });
  }
  return { ok: true, value };
}

export const formatGroupRoles = (list: TGroupRole[]) =>
  list.map((g) => `${g.group} = ${g.role}`).join("\n");

export const ZSsoSettings = z.object({
  required: z.boolean({ error: "Single sign-on required must be on or off" }),
  /** Email addresses of the admins who may still use a password, one per line. */
  breakGlassEmails: zText({ label: "Break-glass administrators", max: 4000 })
    .transform(lines)
    .pipe(
      z
        .array(
          z.email({ error: "Break-glass administrators must be email addresses, one per line" }),
        )
        .max(20, "Break-glass administrators: at most 20"),
    ),
  defaultRole: ZRole,
  groupRoles: zText({ label: "Group to role mapping", max: 10000 }).transform((text, ctx) => {
    const parsed = parseGroupRoles(text);
    if (parsed.ok) return parsed.value;
    ctx.issues.push({ code: "custom", message: parsed.message, input: text });
    return z.NEVER;
  }),
});
export type TSsoSettingsInput = z.input<typeof ZSsoSettings>;
export type TSsoSettings = z.output<typeof ZSsoSettings>;
