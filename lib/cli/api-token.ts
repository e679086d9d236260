import { parseArgs } from "node:util";
import { createApiToken } from "../data/api-tokens";
import { db } from "../db";
import { ROLES, type TRole } from "../permissions";
import { ZApiTokenWrite } from "../schemas/api-token";

// npm run api-token -- --email <an admin's email> --name <what uses it> [--role manager]
// [--expires YYYY-MM-DD] — creates an API token as that administrator (as Settings → API tokens
// does, audited the same way) and prints it once. For scripted set-ups; the page is the usual way.

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "manager" },
      expires: { type: "string" },
    },
  });
  const input = ZApiTokenWrite.parse({
    name: values.name,
    role: values.role as TRole,
    expiresOn: values.expires,
  });
  const admin = await db.user.findFirst({
    where: { email: values.email?.toLowerCase() ?? "", role: "admin", active: true },
    select: { id: true, orgId: true },
  });
  if (!admin)
    throw new Error(
      `no active administrator with the email ${values.email} (roles: ${ROLES.join(", ")})`,
    );
  const { token } = await createApiToken({ orgId: admin.orgId, actorId: admin.id, input });
  console.log(token);
}

main()
  .catch((e) => {
    console.error(`api-token: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
