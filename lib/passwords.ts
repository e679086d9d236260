import bcrypt from "bcryptjs";

const COST = 11;
// Compared against when the account does not exist, so both paths cost one bcrypt check.
const DUMMY_HASH = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8.RwOkBMRFLtWZ7lzBEfDP7s8tBJ5u";

export function hashPassword({ password }: { password: string }) {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword({
  password,
  hash,
}: {
  password: string;
  hash: string | undefined;
}) {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}
