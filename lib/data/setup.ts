import { recordAudit } from "../audit";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { hashPassword } from "../passwords";
import type { TSetup } from "../schemas/setup";
import { hashToken, isWellFormedToken } from "../tokens";
import { SETUP_LINK_HOURS } from "./setup-link";

// The first admin's one-time setup link (issued by setup-link.ts at start-up): its state, and
// its one use.

// Serialises completions: two links used at once must not make two first organisations.
const SETUP_LOCK = 727_001;

export type TSetupLinkState = "valid" | "unknown" | "used" | "expired" | "done";

type TClient = Pick<typeof db, "setupLink" | "organization">;

/** The link's row (when known) and what it can still do; "done": an organisation exists. */
async function readSetupLink(client: TClient, { token, now }: { token: string; now: Date }) {
  if (!isWellFormedToken(token)) return { state: "unknown" as const };
  const link = await client.setupLink.findUnique({ where: { tokenHash: hashToken({ token }) } });
  const state: TSetupLinkState = !link
    ? "unknown"
    : link.usedAt
      ? "used"
      : link.expiresAt <= now
        ? "expired"
        : (await client.organization.count()) > 0
          ? "done"
          : "valid";
  return { state, link };
}

/** What a setup link can still do (the setup page shows the form only when "valid"). */
export async function getSetupLinkState({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<TSetupLinkState> {
  return (await readSetupLink(db, { token, now })).state;
}

export const SETUP_REFUSALS: Record<Exclude<TSetupLinkState, "valid">, string> = {
  unknown: "This setup link is not valid.",
  used: "This setup link has been used already. Sign in instead.",
  expired: `This setup link has expired (links last ${SETUP_LINK_HOURS} hours). Restart the app to log a new one.`,
  done: "This app has been set up already. Sign in instead.",
};

/** The link when it can be used, else the refusal: 404 unknown; 409 used, expired or done. */
async function requireUsableLink(client: TClient, input: { token: string; now: Date }) {
  const { state, link } = await readSetupLink(client, input);
  if (state === "valid" && link) return link;
  if (state === "valid" || state === "unknown") throw new NotFoundError(SETUP_REFUSALS.unknown);
  throw new ConflictError(SETUP_REFUSALS[state]);
}

/**
 * Uses a setup link once: creates the organisation and its admin, marks the link used. A link
 * that is unknown answers 404; used, expired, or one whose app is already set up, 409.
 */
export async function completeSetup({
  token,
  input,
  now = new Date(),
}: {
  token: string;
  input: TSetup;
  now?: Date;
}) {
  // Checked before the costly password hash (anyone may call this), and again under the lock.
  await requireUsableLink(db, { token, now });
  const passwordHash = await hashPassword({ password: input.password });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    const link = await requireUsableLink(tx, { token, now });
    await tx.setupLink.update({ where: { id: link.id }, data: { usedAt: now } });
    const org = await tx.organization.create({
      // A new organisation requires two-factor sign-in of its admins from the start.
      data: { name: input.orgName, slug: slugOf(input.orgName), twoFactorRequired: "admins" },
    });
    const user = await tx.user.create({
      data: {
        orgId: org.id,
        email: input.email,
        name: input.name,
        role: "admin",
        passwordHash,
      },
      select: { id: true, email: true },
    });
    await recordAudit({
      tx,
      orgId: org.id,
      actor: { kind: "user", userId: user.id },
      action: "org.setup",
      targetType: "Organization",
      targetId: org.id,
    });
    return { orgId: org.id, email: user.email };
  });
}

/** A readable slug; the first organisation has no other to collide with. */
const slugOf = (name: string) =>
  name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48) || "org";
