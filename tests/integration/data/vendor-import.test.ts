import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importVendorFile } from "@/lib/data/vendor-import";
import { createOrgWithUsers, setupFreshDatabase } from "../db";

// Bulk vendors (issue 22). Guards against a vendor created twice (a name repeated in the file,
// already in the inventory in another case, or two imports at once), against anything created
// before the preview is confirmed or from a row with a problem, and against an owner of another
// organisation being assigned through the file.

const { prisma } = await setupFreshDatabase();
const org = await createOrgWithUsers(prisma, "vendor-import");
const stranger = await createOrgWithUsers(prisma, "vendor-import-other");
await prisma.vendor.create({ data: { orgId: org.org.id, name: "Existing Hosting", tier: "low" } });

const csv = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`);
const HEADER = "Name,Tier,Services,Owner email,Contacts";
const args = (bytes: Buffer | null, confirm = false) => ({
  orgId: org.org.id,
  actorId: org.procurement.id,
  bytes,
  confirm,
});
const names = async () =>
  (await prisma.vendor.findMany({ where: { orgId: org.org.id }, select: { name: true } }))
    .map((v) => v.name)
    .sort();

describe("importing vendors from a file", () => {
  it("previews every row without creating any, then creates only the new valid ones with their contacts", async () => {
    const file = csv([
      HEADER,
      `Acme Backup,High,Backup; Archive,${org.manager.email},"Jane Doe <jane@acme.example>; ops@acme.example"`,
      "ACME backup,low,,,",
      "existing hosting,moderate,,,",
      "Tierless Ltd,urgent,,,",
      `Foreign Owner Ltd,low,,${stranger.manager.email},`,
      "Bad Contact Ltd,low,,,Bob <not-an-email>",
      ",high,,,",
    ]);
    const preview = await importVendorFile(args(file));
    if (preview.status !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.created).toBe(1);
    const byRow = Object.fromEntries(preview.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ status: "create", services: ["Backup", "Archive"] });
    expect(byRow[3]).toMatchObject({
      status: "duplicate",
      problems: [expect.stringMatching(/row 2/)],
    });
    expect(byRow[4]?.problems[0]).toMatch(/already exists/);
    expect(byRow[5]?.problems).toContainEqual(
      expect.stringMatching(/^Tier: expected .*found "urgent"/),
    );
    expect(byRow[6]?.problems[0]).toMatch(/^Owner email: no active colleague/);
    expect(byRow[7]?.problems[0]).toMatch(/^Contacts \(contact 1\): /);
    expect(byRow[8]?.status).toBe("invalid");
    expect(await names()).toEqual(["Existing Hosting"]);

    const done = await importVendorFile(args(file, true));
    expect(done).toMatchObject({ status: "imported", created: 1 });
    expect(await names()).toEqual(["Acme Backup", "Existing Hosting"]);
    const acme = await prisma.vendor.findFirstOrThrow({
      where: { orgId: org.org.id, name: "Acme Backup" },
      include: { contacts: { orderBy: { email: "asc" } } },
    });
    expect(acme).toMatchObject({ tier: "high", ownerId: org.manager.id });
    expect(acme.contacts.map((c) => [c.name, c.email])).toEqual([
      ["Jane Doe", "jane@acme.example"],
      ["ops@acme.example", "ops@acme.example"],
    ]);
    expect(
      await prisma.auditEvent.count({ where: { action: "vendor.created", targetId: acme.id } }),
    ).toBe(1);
    // The same file again creates nothing: every name is now taken.
    expect(await importVendorFile(args(file, true))).toMatchObject({ created: 0 });
  });

  it("reads an XLSX file the same way, refusing a formula in a row", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Vendors");
    sheet.addRow(["name", "TIER", "services"]);
    sheet.addRow(["Sheet Vendor", "critical", "Payroll"]);
    sheet.addRow(["Formula Vendor", { formula: '"lo"&"w"', result: "low" }, ""]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const result = await importVendorFile(args(bytes, true));
    if (result.status !== "imported") throw new Error(JSON.stringify(result));
    expect(result.created).toBe(1);
    expect(result.rows[1]?.problems[0]).toMatch(/^Tier \(B3\) holds a formula/);
    expect(await names()).toContain("Sheet Vendor");
    expect(await names()).not.toContain("Formula Vendor");
  });

  it("refuses a file it cannot read, saying why, and creates nothing", async () => {
    const before = await names();
    expect(await importVendorFile(args(null))).toMatchObject({ status: "invalid" });
    expect(
      await importVendorFile(args(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 2]), true)),
    ).toMatchObject({
      status: "invalid",
      error: expect.stringMatching(/neither a CSV file/),
    });
    expect(await importVendorFile(args(csv(["Vendor,Level", "X,high"]), true))).toMatchObject({
      status: "invalid",
      error: expect.stringMatching(/^The first row must name the columns/),
    });
    expect(await names()).toEqual(before);
  });

  it("creates a name once when two imports of it run at once", async () => {
    const file = csv([HEADER, "Race Co,low,,,"]);
    const results = await Promise.all([1, 2, 3].map(() => importVendorFile(args(file, true))));
    expect(results.map((r) => (r.status === "imported" ? r.created : -1)).sort()).toEqual([
      0, 0, 1,
    ]);
    expect((await names()).filter((n) => n === "Race Co")).toHaveLength(1);
  });
});
