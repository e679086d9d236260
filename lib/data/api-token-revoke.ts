import { recordAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";

export async function revokeApiToken({
  orgId,
  actorId,
  tokenId,
}: {
  orgId: string;
  actorId: string;
  tokenId: string;
}) {
  await db.$transaction(async (tx) => {
    const found = await tx.apiToken.findFirst({
      where: { id: tokenId, orgId },
      select: { id: true, name: true },
    });
    if (!found) throw new NotFoundError("Token not found");
    await tx.apiToken.updateMany({
      where: { id: tokenId, orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit({
      tx,
      orgId,
      actor: { kind: "user", userId: actorId },
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: tokenId,
      data: { name: found.name },
    });
  });
}
