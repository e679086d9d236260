import crypto from "node:crypto";
import { recordAudit } from "../audit";
import { db, type Prisma } from "../db";
import type { TRole } from "../permissions";
import type { TCreateApiToken } from "../schemas/api-token";
import { hashToken } from "../tokens";

// API tokens: 256 random bits behind a recognisable prefix (secret scanners find "bcdr_");
// only the SHA-256 is stored, the token itself is shown once. (Nothing here imports the
// session code, so `npm run api-token` can run it outside Next.js; revoking: api-token-revoke.ts.)
const PREFIX = "bcdr_";
const TOKEN = /^bcdr_[A-Za-z0-9_-]{43}$/;

export const apiTokenListSelect = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} satisfies Prisma.ApiTokenSelect;

export function listApiTokens({ orgId }: { orgId: string }) {
  return db.apiToken.findMany({
    where: { orgId },
    select: apiTokenListSelect,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

export type TCreateApiTokenData = { orgId: string; actorId: string; input: TCreateApiToken };

/** Creates a token; the returned `token` is the only time it exists in clear. */
export async function createApiToken({ orgId, actorId, input }: TCreateApiTokenData) {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  // Valid through the whole of its last day (UTC).
  const expiresAt = input.expiresOn ? new Date(`${input.expiresOn}T23:59:59.999Z`) : null;
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        orgId,
        name: input.name,
        role: input.role,
        expiresAt,
        createdById: actorId,
        tokenHash: hashToken({ token }),
      },
      select: { id: true },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      data: { name: input.name, role: input.role, expiresOn: input.expiresOn ?? null },
    });
    return { id: row.id, token };
  });
}

export type TApiCaller = {
  tokenId: string;
  tokenName: string;
  orgId: string;
  role: TRole;
  /** Whom the API's writes are attributed to in the audit log: the token's creator. */
  actorId: string;
};

/**
 * The caller a bearer token stands for, or null when it is malformed, unknown, revoked or
 * expired, or its creator was deactivated. Marks the token used (at most once a minute).
 */
export async function authenticateApiToken({
  token,
}: {
  token: string;
}): Promise<TApiCaller | null> {
  if (!TOKEN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken({ token }) },
    select: {
      id: true,
      name: true,
      orgId: true,
      role: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdById: true,
    },
  });
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.createdById)
    return null;
  const creator = await db.user.findFirst({
    where: { id: row.createdById, orgId: row.orgId, active: true },
    select: { id: true },
  });
  if (!creator) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    tokenId: row.id,
    tokenName: row.name,
    orgId: row.orgId,
    role: row.role,
    actorId: creator.id,
  };
}
