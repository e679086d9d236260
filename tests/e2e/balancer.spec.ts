// Guards against a deployment that only works with one instance: two `npm start` instances on
// one database behind nginx (round-robin, no sticky sessions, nginx the trusted proxy; the
// shipped lib/ops/examples/nginx.conf.example) must carry a whole assessment — sign-in, send,
// the vendor's answers with evidence, submit, review, a PDF job — and an instance killed in
// the middle of the vendor's autosaves must lose nothing: the vendor carries on through the other.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/scratch-db";
import { bootApp, type TBootedApp } from "@/lib/ops/app-boot";
import { freePort } from "@/lib/pg/embedded";
import { startNginx } from "../helpers/nginx";
import { killTree } from "../helpers/processes";
import { appDatabaseUrl, DEMO_USERS, expect, expectAccessible, signIn, test } from "./fixtures";
import { waitForLink } from "./mail";
import { answer, expectAllSaved } from "./portal-helpers";
import { submitAnswers, WELL_RUN_1_1 } from "./send-helpers";

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcdr-balanced-"));
  fs.chmodSync(dir, 0o755);
  return dir;
};

test("two instances behind nginx carry a whole assessment, and one killed mid-autosave loses nothing", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  // PostgreSQL 15 when CI gives it (the oldest supported major), else the e2e's own server.
  const server = process.env.TEST_POSTGRES_URL || appDatabaseUrl();
  const name = `e2e_balanced_${crypto.randomBytes(4).toString("hex")}`;
  const url = await createDatabase({ url: server, name });
  const prisma = createPrismaClient({ url });
  const [lbPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  const lb = `http://127.0.0.1:${lbPort}`;
  const settings = {
    databaseUrl: url,
    authSecret: crypto.randomBytes(32).toString("base64"),
    env: {
      APP_URL: lb,
      TRUSTED_PROXIES: "127.0.0.1",
      DEMO_DATA: "1",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      SHUTDOWN_GRACE_SECONDS: "0",
    },
  };
  const apps: TBootedApp[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    apps.push(await bootApp({ ...settings, dataDir: tempDir(), port: portA }));
    apps.push(await bootApp({ ...settings, dataDir: tempDir(), port: portB }));
    expect(apps.map((a) => a.via)).toEqual(["start.ts", "start.ts"]);
    nginx = await startNginx({ listen: lbPort, upstreams: [portA, portB] });
    await expect
      .poll(async () => (await fetch(`${lb}/api/ready`).catch(() => null))?.status ?? 0)
      .toBe(200);

    // Sign-in and send, through the balancer.
    const proc = await (await browser.newContext({ baseURL: lb })).newPage();
    await signIn(proc, DEMO_USERS.procurement);
    const owner = await prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USERS.procurement.email },
    });
    const vendor = await prisma.vendor.create({
      data: { orgId: owner.orgId, name: "Balanced Vendor", tier: "critical", ownerId: owner.id },
    });
    await proc.goto(`/vendors/${vendor.id}`);
    const form = proc.getByRole("form", { name: "Send a questionnaire" });
    const email = `balanced-${crypto.randomBytes(3).toString("hex")}@vendor.example`;
    await form.getByLabel("Vendor contact email").fill(email);
    const after = Date.now();
    await form.getByRole("button", { name: "Send questionnaire" }).click();
    await proc.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
    const assessmentId = /assessments\/([^/?]+)/.exec(proc.url())![1]!;
    const link = await waitForLink({ to: email, subject: /./, after });
    expect(link.startsWith(`${lb}/respond/`)).toBe(true);

    // Most answers as the portal saves them; the rest typed by the vendor below.
    const typed = ["rto_minutes", "rpo_minutes", "full_restore_test_minutes"];
    for (const [questionId, value] of Object.entries(WELL_RUN_1_1)) {
      if (typed.includes(questionId)) continue;
      const v = value as object;
      await prisma.answer.create({
        data: {
          assessmentId,
          questionId,
          value: v,
          updatedByKind: "vendor",
          revisions: { create: { version: 1, value: v, changedByKind: "vendor" } },
        },
      });
    }
    const vendorPage = await (await browser.newContext()).newPage();
    await vendorPage.goto(link);
    await answer(vendorPage, "rto_minutes", 240);
    await expectAllSaved(vendorPage);

    // Evidence uploaded through one instance is downloaded through either (STORAGE=postgres).
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const planCard = vendorPage.locator("#q-shared_control_plane");
    await planCard.getByText(/^Evidence/).click();
    await planCard.getByLabel(/^File/).setInputFiles({
      name: "architecture.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    await planCard.getByRole("button", { name: "Upload" }).click();
    await expect(planCard.getByRole("link", { name: "architecture.pdf" })).toBeVisible();
    const evidence = await prisma.evidenceFile.findFirstOrThrow({ where: { assessmentId } });
    expect(
      await prisma.storedFile.count({ where: { key: evidence.storedName, complete: true } }),
    ).toBe(1);
    for (const app of apps) {
      const res = await vendorPage.request.get(
        `${app.baseUrl}/api/respond/${link.split("/respond/")[1]}/evidence/${evidence.id}`,
      );
      expect(res.status()).toBe(200);
      expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);
    }

    // Instance A dies while the vendor's autosaves are on their way; the vendor carries on.
    await answer(vendorPage, "rpo_minutes", 15);
    killTree({ pid: apps[0]!.pid });
    await answer(vendorPage, "full_restore_test_minutes", 120);
    await expectAllSaved(vendorPage);
    const saved = Object.fromEntries(
      (await prisma.answer.findMany({ where: { assessmentId, questionId: { in: typed } } })).map(
        (a) => [a.questionId, a.value],
      ),
    );
    expect(saved).toEqual({ rto_minutes: 240, rpo_minutes: 15, full_restore_test_minutes: 120 });
    await submitAnswers(vendorPage);

    // A comes back (a rolling restart); review and the PDF job run through both again.
    apps[0] = await bootApp({ ...settings, dataDir: tempDir(), port: portA });
    // nginx leaves an upstream that failed alone for fail_timeout (10 s, the shipped example):
    // A is back in the rotation once nginx has sent it a request again and it answered.
    const servedByA = () =>
      nginx!
        .accessLog()
        .split("\n")
        .filter((l) => l.endsWith(` 200 127.0.0.1:${portA}`)).length;
    const servedBefore = servedByA();
    await expect
      .poll(
        async () => {
          await fetch(`${lb}/api/health`).catch(() => undefined);
          return servedByA();
        },
        { timeout: 30_000, intervals: [250] },
      )
      .toBeGreaterThan(servedBefore);
    await proc.goto(`/assessments/${assessmentId}`);
    const decision = proc.getByRole("group", { name: "Decision" });
    await decision.getByRole("button", { name: "Accept", exact: true }).click();
    await expect(proc.getByText("Accepted", { exact: true })).toBeVisible();
    await expectAccessible(proc);

    const manager = await (await browser.newContext({ baseURL: lb })).newPage();
    await signIn(manager, DEMO_USERS.manager);
    await manager.goto(`/assessments/${assessmentId}`);
    const download = manager.waitForEvent("download");
    await manager.getByRole("button", { name: "Download PDF report" }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    // Round-robin, no stickiness: the job's requests reached both instances.
    const jobLines = nginx
      .accessLog()
      .split("\n")
      .filter((l) => l.includes("/report-jobs"));
    const upstreams = new Set(jobLines.map((l) => l.split(" ").at(-1)));
    expect(upstreams, jobLines.join("\n")).toEqual(
      new Set([`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]),
    );
  } catch (e) {
    for (const app of apps) console.log(app.output());
    console.log(nginx?.errorLog());
    throw e;
  } finally {
    nginx?.stop();
    for (const app of apps) await app.stop().catch(() => {});
    await prisma.$disconnect();
    await dropDatabase({ url: server, name });
  }
});
