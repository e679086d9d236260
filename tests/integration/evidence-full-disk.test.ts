import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillDisk } from "../helpers/full-disk";
import { insertPortalLink } from "../helpers/portal-link";

// Guards against an evidence upload on a full disk answering a bare 500 and leaving a partial
// file with no database row (issue 12, item 6): the file was written before the clean-up.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-evidence-disk-"));
process.env.DATA_DIR = dataDir;
const uploads = path.join(dataDir, "uploads");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { setupFreshDatabase, createOrgWithUsers } = await import("./db");
const { getEnv } = await import("@/lib/env");
const { POST } = await import("@/app/api/respond/[token]/evidence/route");

const { prisma } = await setupFreshDatabase();
const { org } = await createOrgWithUsers(prisma, "ev");
await prisma.vendor.create({ data: { orgId: org.id, name: "HR Orbit", tier: "high" } });
const qv = await prisma.questionnaireVersion.create({
  data: { key: "t", version: "1", title: "T", definition: {}, checksum: "c" },
});
const link = await insertPortalLink(prisma, {
  email: "v@vendor.example",
  questionnaireVersionId: qv.id,
});

function upload(bytes: Buffer) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "dr-report.pdf", { type: "application/pdf" }));
  form.set("questionId", "rto_minutes");
  const appUrl = getEnv().APP_URL;
  return POST(
    new Request(`${appUrl}/api/respond/${link.token}/evidence`, {
      method: "POST",
      headers: { origin: new URL(appUrl).origin },
      body: form,
    }),
    { params: Promise.resolve({ token: link.token }) },
  );
}

const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(300_000, 0x41)]);
const files = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads) : []);
const rows = () => prisma.evidenceFile.count({ where: { assessmentId: link.assessmentId } });

describe("an evidence upload on a full disk", () => {
  it("answers 507 'the server could not store the file' and leaves no file and no row", async () => {
    const disk = fillDisk({ applies: (f) => f.startsWith(uploads), room: 64 * 1024 });
    const res = await upload(pdf).finally(() => disk.free());
    expect(res.status).toBe(507);
    expect(await res.json()).toEqual({
      error: expect.stringMatching(/^The server could not store the file/),
      field: "file",
    });
    expect(files()).toEqual([]);
    expect(await rows()).toBe(0);
  });

  it("stores the same upload once there is space again", async () => {
    const res = await upload(pdf);
    expect(res.status).toBe(200);
    expect(files()).toHaveLength(1);
    expect(fs.statSync(path.join(uploads, files()[0]!)).size).toBe(pdf.length);
    expect(await rows()).toBe(1);
  });
});
