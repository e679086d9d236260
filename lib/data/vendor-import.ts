import { z } from "zod";
import { db, type Prisma } from "../db";
import { ZVendor, ZVendorContact } from "../schemas/vendor";
import { readVendorSheet, type TVendorSheetRow } from "../spreadsheets/vendor-sheet";
import { insertVendor, saveVendorContact } from "./vendors";

// Bulk vendors (issue 22): vendors and their contacts from a CSV or XLSX file. The first call
// previews every row — to create, a duplicate, or its problems in words naming the column — and
// writes nothing; the confirming call creates the rows to create, in one transaction, through the
// same create path and audit as the vendor form. A name is a duplicate, case-insensitively, of an
// earlier row of the file or of a vendor the organisation has (archived ones too): never created
// twice, even by two imports at once (an advisory lock per organisation).

export type TVendorImportRow = {
  row: number;
  name: string;
  tier: string;
  services: string[];
  owner: string;
  contacts: string[];
  status: "create" | "duplicate" | "invalid";
  problems: string[];
};

export type TVendorImportResult =
  | { status: "preview" | "imported"; rows: TVendorImportRow[]; created: number }
  /** 422: the file as a whole cannot be read; nothing was written. */
  | { status: "invalid"; error: string };

const split = (text: string) =>
  text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "Jane Doe <jane@x.example>" or a bare address (the name is then the address). */
function parseContact(text: string): unknown {
  const m = /^(.*?)\s*<([^>]*)>$/.exec(text);
  const email = (m ? m[2]! : text).trim();
  return { name: (m?.[1] ?? "").replace(/^"|"$/g, "").trim() || email, email };
}

const ZContacts = z.array(ZVendorContact).max(20, "At most 20 contacts");

type TChecked = TVendorImportRow & {
  vendor?: z.output<typeof ZVendor>;
  contactList?: z.output<typeof ZContacts>;
};

function checkRow(
  { row, cells, formula }: TVendorSheetRow,
  owners: ReadonlyMap<string, string>,
): TChecked {
  const problems: string[] = formula ? [formula] : [];
  const ownerEmail = cells["Owner email"].toLowerCase();
  const ownerId = ownerEmail ? owners.get(ownerEmail) : undefined;
  if (ownerEmail && !ownerId)
    problems.push(
      `Owner email: no active colleague of your organisation has the address ${ownerEmail}`,
    );
  const vendor = ZVendor.safeParse({
    name: cells.Name,
    tier: cells.Tier.toLowerCase(),
    services: split(cells.Services),
    ownerId,
  });
  if (!vendor.success)
    problems.push(
      ...vendor.error.issues.map((i) =>
        i.path[0] === "tier"
          ? `Tier: expected critical, high, moderate or low; found "${cells.Tier}"`
          : i.message,
      ),
    );
  const contacts = ZContacts.safeParse(split(cells.Contacts).map(parseContact));
  if (!contacts.success)
    problems.push(
      ...contacts.error.issues.map(
        (i) =>
          `Contacts${typeof i.path[0] === "number" ? ` (contact ${i.path[0] + 1})` : ""}: ${i.message}`,
      ),
    );
  return {
    row,
    name: cells.Name,
    tier: cells.Tier,
    services: split(cells.Services),
    owner: cells["Owner email"],
    contacts: split(cells.Contacts),
    status: problems.length ? "invalid" : "create",
    problems,
    ...(vendor.success && contacts.success
      ? { vendor: vendor.data, contactList: contacts.data }
      : {}),
  };
}

/** Marks the rows whose names the file already used, or the organisation already has. */
function markDuplicates(rows: TChecked[], existing: ReadonlySet<string>) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = r.name.trim().toLowerCase();
    if (!key) continue;
    if (existing.has(key)) {
      r.status = "duplicate";
      r.problems.push(`A vendor named "${r.name}" already exists: not created again`);
    } else if (seen.has(key)) {
      r.status = "duplicate";
      r.problems.push(`The same name as row ${seen.get(key)}: not created twice`);
    } else seen.set(key, r.row);
  }
}

async function existingNames(client: Prisma.TransactionClient | typeof db, orgId: string) {
  const vendors = await client.vendor.findMany({ where: { orgId }, select: { name: true } });
  return new Set(vendors.map((v) => v.name.trim().toLowerCase()));
}

const publicRow = ({ vendor: _v, contactList: _c, ...row }: TChecked): TVendorImportRow => row;

/** Previews (confirm false) or creates (confirm true) the vendors of a file. */
export async function importVendorFile({
  orgId,
  actorId,
  bytes,
  confirm,
}: {
  orgId: string;
  actorId: string;
  bytes: Buffer | null;
  confirm: boolean;
}): Promise<TVendorImportResult> {
  if (!bytes) return { status: "invalid", error: "Choose a CSV or Excel file to upload." };
  const sheet = await readVendorSheet(bytes);
  if (!sheet.ok) return { status: "invalid", error: sheet.error };
  if (sheet.rows.length === 0) return { status: "invalid", error: "The file has no vendor rows." };
  const users = await db.user.findMany({
    where: { orgId, active: true },
    select: { id: true, email: true },
  });
  const owners = new Map(users.map((u) => [u.email.toLowerCase(), u.id] as const));
  const rows = sheet.rows.map((r) => checkRow(r, owners));
  if (!confirm) {
    markDuplicates(rows, await existingNames(db, orgId));
    const created = rows.filter((r) => r.status === "create").length;
    return { status: "preview", rows: rows.map(publicRow), created };
  }
  const created = await db.$transaction(async (tx) => {
    // One import per organisation at a time, so two cannot both create the same name.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`vendor-import:${orgId}`}))`;
    markDuplicates(rows, await existingNames(tx, orgId));
    let n = 0;
    for (const r of rows) {
      if (r.status !== "create" || !r.vendor) continue;
      const vendor = await insertVendor({ tx, orgId, actorId, input: r.vendor });
      for (const input of r.contactList ?? [])
        await saveVendorContact({ tx, orgId, actorId, vendorId: vendor.id, input });
      n++;
    }
    return n;
  });
  return { status: "imported", rows: rows.map(publicRow), created };
}
