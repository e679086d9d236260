// Guards against stored and reflected script injection, mangled or lost text and oversized
// input. Every form of the app, typed into with markup, script URLs, SQL fragments, right-to-left
// overrides, Hebrew and Arabic, combining marks and astral characters: no dialog opens, no
// Content-Security-Policy violation is reported, the database holds exactly what was typed and
// the page shows it as text. A NUL and a value over the field's limit are refused with a message
// naming the field, and what was saved before is still there. A megabyte sent straight to a
// Server Action or a portal API never reaches the database.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { ALL_PAYLOADS, PAYLOADS, REFUSED } from "../helpers/hostile";
import {
  appDatabase,
  createVendorLink,
  DEMO_USERS,
  expect,
  signIn,
  type TDb,
  test,
} from "./fixtures";
import { readMails, waitForLink } from "./mail";
import { expectAllSaved } from "./portal-helpers";

const P = PAYLOADS;
const tag = Date.now().toString(36);
const longer = (max: number) => "m".repeat(max + 1);

type TGuard = { expectClean(): Promise<void> };

/**
 * Watches a page for the signs of injected script: a dialog (alert/confirm/prompt), a CSP
 * violation (reported by the browser as an event and a console error), an element carrying an
 * inline handler or the payload's <img src=x>.
 */
async function guard(page: Page): Promise<TGuard> {
  const dialogs: string[] = [];
  const violations = new Set<string>();
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      /Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())
    )
      violations.add(m.text());
  });
  // Across navigations: each document reports its violations here as they happen.
  await page.exposeFunction("__reportCspViolation", (v: string) => violations.add(v));
  await page.addInitScript(() => {
    const w = window as unknown as {
      __cspViolations: string[];
      __reportCspViolation?: (v: string) => void;
    };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      const v = `${e.violatedDirective}: ${e.blockedURI} ${e.sample}`;
      w.__cspViolations.push(v);
      void w.__reportCspViolation?.(v);
    });
  });
  return {
    async expectClean() {
      const current = await page
        .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
        .catch(() => [] as string[]);
      for (const v of current) violations.add(v);
      expect({ dialogs, violations: [...violations] }).toEqual({ dialogs: [], violations: [] });
      await expect(page.locator("[onerror], [onload], img[src='x']")).toHaveCount(0);
    },
  };
}

// One sign-in per role for the whole file: later pages reuse the session cookie.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();
async function staffPage(browser: Browser, who: { email: string; password: string }) {
  let state = sessions.get(who.email);
  if (!state) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), who);
    state = await context.storageState();
    sessions.set(who.email, state);
    await context.close();
  }
  const page = await (await browser.newContext({ storageState: state })).newPage();
  return { page, watch: await guard(page) };
}

/** The text is on the page as text: an element whose whole text is exactly it. */
async function expectText(scope: Page | Locator, text: string) {
  await expect(scope.getByText(text, { exact: true }).first()).toBeVisible();
}

async function demoOrgId(db: TDb) {
  return (await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } })).orgId;
}

async function makeVendor(db: TDb, name: string) {
  return db.vendor.create({ data: { orgId: await demoOrgId(db), name, tier: "moderate" } });
}

/** A vendor-portal link of a fresh vendor whose name is itself hostile. */
async function makeLink(db: TDb, label: string) {
  const vendor = await makeVendor(db, `${label} ${P.img} ${P.hebrew} ${tag}`);
  return { vendor, ...(await createVendorLink(db, { vendorName: vendor.name })) };
}

test.describe.configure({ timeout: 120_000 });

// The vendors made here (all named "… <tag>") are archived afterwards, so the specs that run
// later see the demo portfolio they expect.
test.afterAll(async () => {
  const db = appDatabase();
  await db.vendor.updateMany({
    where: { name: { endsWith: ` ${tag}` } },
    data: { status: "archived", archivedAt: new Date() },
  });
  await db.$disconnect();
});

test("sign-in form: hostile email and password are refused as text, NUL and overlong named", async ({
  page,
}) => {
  const watch = await guard(page);
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(P.img);
  await form.getByLabel("Password").fill(ALL_PAYLOADS);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue(P.img);

  // A well-formed unknown account with a hostile password: the server answers, nothing runs.
  await form.getByLabel("Email").fill(`nobody-${tag}@demo.example`);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Email or password is incorrect.")).toBeVisible();

  await form.getByLabel("Password").fill(`pass${REFUSED.nul}word`);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Password contains a NUL character")).toBeVisible();
  await form.getByLabel("Password").fill(longer(200));
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Password must be at most 200 characters")).toBeVisible();
  await form.getByLabel("Email").fill(`${longer(250)}@demo.example`);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Email must be at most 254 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await watch.expectClean();
});

test("vendor create and edit: stored exactly and shown as text; NUL, overlong and 1 MB refused", async ({
  browser,
  db,
}) => {
  const { page, watch } = await staffPage(browser, DEMO_USERS.procurement);
  await page.goto("/vendors");
  const add = page.getByRole("form", { name: "Add a vendor" });
  const name = `${ALL_PAYLOADS} ${tag}`;
  const services = [`${P.script} ${P.hebrew}`, `${P.dropTable} ${P.zalgo}`];
  const website = `${P.jsUrl} ${P.rtl}`;
  await add.getByLabel("Vendor name").fill(name);
  await add.getByLabel("Criticality tier").selectOption("high");
  await add.getByLabel("Services provided").fill(services.join(", "));
  await add.getByLabel("Website (optional)").fill(website);
  await add.getByRole("button", { name: "Add vendor" }).click();
  await expect(add.getByRole("status")).toHaveText(`${name} was added.`);
  const vendor = await db.vendor.findFirstOrThrow({ where: { name } });
  expect({ services: vendor.services, website: vendor.website }).toEqual({ services, website });
  await expect(page.getByRole("rowheader", { name, exact: true })).toBeVisible();

  await page.goto(`/vendors/${vendor.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectText(page, services.join(" · "));
  await expectText(page, website);

  // Edit: a second set of payloads replaces the first, exactly.
  const edit = page.getByRole("form", { name: "Edit vendor" });
  const renamed = `${P.img} ${P.arabic} ${P.astral} ${P.orTrue} ${tag}`;
  await edit.getByLabel("Vendor name").fill(renamed);
  const saving = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("status")).toHaveText(`${renamed} was saved.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  const saved = await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
  expect(saved.name).toBe(renamed);

  // Refused in the browser, each message naming its field; the saved vendor is untouched.
  const refusals: [string, string, string][] = [
    ["Vendor name", `bad${REFUSED.nul}name`, "Vendor name contains a NUL character"],
    ["Vendor name", longer(200), "Vendor name must be at most 200 characters"],
    ["Services provided", `ok, bad${REFUSED.nul}service`, "Service contains a NUL character"],
    ["Services provided", `ok, ${longer(120)}`, "Service must be at most 120 characters"],
    ["Website (optional)", longer(300), "Website must be at most 300 characters"],
  ];
  for (const [label, value, message] of refusals) {
    await edit.getByLabel(label).fill(value);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText(message)).toBeVisible();
    await expect(edit.getByLabel(label)).toHaveValue(value);
    await edit.getByLabel(label).fill(label === "Vendor name" ? renamed : "");
  }
  expect(await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toEqual(saved);

  // The same Server Action called over HTTP, without the form: the server refuses on its own.
  const request = await saving;
  const [{ vendorId, ...values }] = JSON.parse(request.postData() ?? "[{}]") as [
    { vendorId: string } & object,
  ];
  const callAction = (body: unknown) =>
    page.evaluate(
      async ({ url, headers, body }) => {
        const res = await fetch(url, { method: "POST", headers, body });
        return { status: res.status, text: await res.text() };
      },
      {
        url: request.url(),
        headers: {
          "Next-Action": request.headers()["next-action"] ?? "",
          "Next-Router-State-Tree": request.headers()["next-router-state-tree"] ?? "",
          "Content-Type": "text/plain;charset=UTF-8",
          Accept: "text/x-component",
        },
        body: JSON.stringify(body),
      },
    );
  const nul = await callAction([{ ...values, vendorId, name: `x${REFUSED.nul}y` }]);
  expect(nul.text).toContain("Vendor name contains a NUL character");
  const badId = await callAction([{ ...values, vendorId: `${vendorId}${REFUSED.nul}` }]);
  expect(badId.text).toContain("Vendor is not a valid id");
  const big = await callAction([{ ...values, vendorId, name: "x".repeat(300_000) }]);
  expect(big.text).toContain("Vendor name must be at most 200 characters");
  const megabyte = await callAction([{ ...values, vendorId, name: "x".repeat(1_048_576) }]);
  expect(megabyte.status).toBeGreaterThanOrEqual(400);
  expect(await db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toEqual(saved);
  await watch.expectClean();
});

test("vendor contact: stored exactly and shown as text; NUL and overlong named", async ({
  browser,
  db,
}) => {
  const vendor = await makeVendor(db, `Contact target ${tag}`);
  const { page, watch } = await staffPage(browser, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Add a contact" });
  const count = () => db.vendorContact.count({ where: { vendorId: vendor.id } });

  for (const [label, value, message] of [
    ["Name", `Dana${REFUSED.nul}`, "Contact name contains a NUL character"],
    ["Name", longer(120), "Contact name must be at most 120 characters"],
    ["Job title (optional)", longer(120), "Job title must be at most 120 characters"],
  ] as const) {
    await form.getByLabel("Name").fill("Dana");
    await form.getByLabel("Email").fill("dana@vendor.example");
    await form.getByLabel(label).fill(value);
    await form.getByRole("button", { name: "Add contact" }).click();
    await expect(form.getByText(message)).toBeVisible();
    await form.getByLabel("Job title (optional)").fill("");
  }
  expect(await count()).toBe(0);

  const name = `${P.img} ${P.hebrew} ${P.zalgo}`;
  const title = `${P.dropTable} ${P.rtl} ${P.astral}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill("dana@vendor.example");
  await form.getByLabel("Job title (optional)").fill(title);
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(form.getByRole("status")).toHaveText(`${name} was added.`);
  const contact = await db.vendorContact.findFirstOrThrow({ where: { vendorId: vendor.id } });
  expect({ name: contact.name, title: contact.title }).toEqual({ name, title });
  await expectText(page.getByRole("listitem").filter({ hasText: title }), name);
  await watch.expectClean();
});

test("new assessment: contact name stored and message mailed exactly; bad fields named, nothing sent", async ({
  browser,
  db,
}) => {
  const vendor = await makeVendor(db, `Send target ${tag}`);
  const { page, watch } = await staffPage(browser, DEMO_USERS.procurement);
  await page.goto(`/vendors/${vendor.id}`);
  const form = page.getByRole("form", { name: "Send a questionnaire" });
  const email = `dr-${tag}@vendor.example`;
  const contactName = `${P.zalgo} ${P.script} ${P.arabic}`;
  const message = `${ALL_PAYLOADS}\n${P.img}`;
  await form.getByLabel("Vendor contact email").fill(email);

  for (const [label, value, error] of [
    ["Allowed countries (optional)", `${P.orTrue}`, "Allowed countries: use two-letter codes"],
    ["Maximum RTO (minutes)", P.script, "RTO must be a number"],
    ["Vendor contact name", `Ann${REFUSED.nul}`, "Contact name contains a NUL character"],
    ["Vendor contact name", longer(120), "Contact name must be at most 120 characters"],
    ["Personal message (optional)", longer(2000), "Message must be at most 2000 characters"],
  ] as const) {
    await form.getByLabel(label).fill(value);
    await form.getByRole("button", { name: "Send questionnaire" }).click();
    await expect(form.getByText(error)).toBeVisible();
    await form.getByLabel(label).fill("");
  }
  expect(await db.assessment.count({ where: { vendorId: vendor.id } })).toBe(0);

  await form.getByLabel("Vendor contact name").fill(contactName);
  await form.getByLabel("Personal message (optional)").fill(message);
  await form.getByRole("button", { name: "Send questionnaire" }).click();
  await page.waitForURL(/\/assessments\/[^/?]+\?sent=1/);
  const a = await db.assessment.findFirstOrThrow({
    where: { vendorId: vendor.id },
    include: { invitations: true },
  });
  expect(a.invitations.map((i) => [i.email, i.name])).toEqual([[email, contactName]]);
  await expect
    .poll(
      () =>
        readMails()
          .find((m) => m.to.includes(email))
          ?.body.replace(/\r\n/g, "\n") ?? "",
    )
    .toContain(message);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor.name);
  await watch.expectClean();
});

test("vendor portal: third parties and sites stored exactly and shown as text; bad values named, saved answers kept", async ({
  browser,
  db,
}) => {
  const link = await makeLink(db, "Portal");
  const vendorPage = await (await browser.newContext()).newPage();
  const watch = await guard(vendorPage);
  await vendorPage.goto(`/respond/${link.token}`);
  await expect(vendorPage.getByText(`For ${link.vendor.name}`)).toBeVisible();
  const answer = async (questionId: string) =>
    (
      await db.answer.findUnique({
        where: { assessmentId_questionId: { assessmentId: link.assessmentId, questionId } },
      })
    )?.value ?? null;

  // A number question takes no text: the portal says so and saves nothing.
  await vendorPage.locator("#q-rto_minutes-input").fill(P.script);
  await expect(vendorPage.locator("#q-rto_minutes")).toContainText("Enter a number, e.g. 240");

  // Third parties: every field of a row is a hostile string; stored exactly.
  const parties = vendorPage.locator("#q-subprocessors");
  await parties.getByRole("button", { name: "Add a third party" }).click();
  const party = { name: `${P.img} ${P.arabic}`, service: `${P.dropTable} ${P.astral}` };
  await parties.getByLabel("Company").fill(party.name);
  await parties.getByLabel("What it does for you").fill(party.service);
  await parties.getByLabel("Country (2 letters)").fill("DE");
  await expectAllSaved(vendorPage);
  await expect.poll(() => answer("subprocessors")).toEqual([{ ...party, country: "DE" }]);
  expect(await answer("rto_minutes")).toBeNull();

  // Sites: a city search for hostile text, then a real city; names hostile, stored exactly.
  await vendorPage.getByRole("button", { name: "Add site" }).click();
  const site = vendorPage.getByRole("group", { name: /^Site 1/ });
  await site.getByRole("combobox", { name: "City" }).fill(`${P.script} ${P.orTrue}`);
  await expect(site.getByRole("combobox", { name: "City" })).toHaveValue(`${P.script} ${P.orTrue}`);
  const names = {
    name: `${P.script} ${P.rtl} ${P.zalgo}`,
    provider: `${P.orTrue} ${P.hebrew}`,
    region: P.jsUrl,
    facility: P.astral,
  };
  await site.getByLabel("Name", { exact: true }).fill(names.name);
  await site.getByLabel("Provider", { exact: true }).fill(names.provider);
  await site.getByLabel("Region (optional)").fill(names.region);
  await site.getByLabel("Facility (optional)").fill(names.facility);
  await site.getByRole("combobox", { name: "City" }).fill("Frankfurt");
  await vendorPage
    .getByRole("option", { name: /^Frankfurt/ })
    .first()
    .click();
  await expectAllSaved(vendorPage);
  await expect.poll(() => answer("sites")).toMatchObject([{ ...names, country: "DE" }]);
  const sites = await answer("sites");
  await expect(vendorPage.getByRole("group", { name: `Site 1: ${names.name}` })).toBeVisible();

  // A NUL or an overlong name is refused by the server at its path; the saved answer stays.
  const savedParties = await answer("subprocessors");
  await parties.getByLabel("Company").fill(`bad${REFUSED.nul}name`);
  await expect(parties.getByRole("alert").filter({ hasText: "Not saved" })).toContainText(
    "Not saved: Third party 1 name needs text without NUL characters",
  );
  await site.getByLabel("Name", { exact: true }).fill(longer(200));
  await expect(
    vendorPage.locator("#q-sites").getByRole("alert").filter({ hasText: "Not saved" }),
  ).toContainText("Not saved: Site 1 name needs text of at most 200 characters");
  expect(await answer("subprocessors")).toEqual(savedParties);
  expect(await answer("sites")).toEqual(sites);
  await site.getByLabel("Name", { exact: true }).fill(names.name);
  await parties.getByLabel("Company").fill(party.name);
  // Text in a coordinate is not a number: the site has no location and becomes a draft (kept
  // beside the answer, marked incomplete) until a number is typed again.
  const lat = String((sites as { lat: number }[])[0]?.lat);
  await site.getByLabel("Latitude").fill(P.script);
  await expect(site.getByTestId("site-incomplete")).toContainText(
    "Site 1 (", // the name is shown as typed, then what the site still needs
  );
  await expect(site.getByTestId("site-incomplete")).toContainText("needs its location");
  await expect(vendorPage.getByTestId("global-save-state")).toContainText("still incomplete", {
    timeout: 15_000,
  });
  await site.getByLabel("Latitude").fill(lat);
  await expectAllSaved(vendorPage);
  await watch.expectClean();

  // The staff review shows the same answers as text.
  const { page, watch: staffWatch } = await staffPage(browser, DEMO_USERS.procurement);
  await page.goto(`/assessments/${link.assessmentId}`);
  await expect(page.getByTestId("answer-value-subprocessors")).toHaveText(
    `${party.name} (${party.service}, DE)`,
  );
  await expect(page.getByTestId("answer-value-sites")).toContainText(names.name);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(link.vendor.name);
  await staffWatch.expectClean();
});

test("vendor portal: colleague invite and evidence names as text; NUL, overlong and 1 MB refused", async ({
  browser,
  db,
}) => {
  const link = await makeLink(db, "Invite");
  const page = await (await browser.newContext()).newPage();
  const watch = await guard(page);
  await page.goto(`/respond/${link.token}`);
  const invite = page.getByRole("form", { name: "Invite a colleague" });
  const invitations = () => db.invitation.count({ where: { assessmentId: link.assessmentId } });
  const before = await invitations();

  await invite.getByLabel("Colleague's email").fill(`colleague-${tag}@vendor.example`);
  await invite.getByLabel("Colleague's name (optional)").fill(`Kim${REFUSED.nul}`);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("alert")).toHaveText(
    "Colleague's name contains a NUL character, which is not allowed",
  );
  // The box stops typing at 120; a crafted page would not, and the server says so.
  const nameBox = invite.getByLabel("Colleague's name (optional)");
  await nameBox.evaluate((el) => el.removeAttribute("maxlength"));
  await nameBox.fill(longer(120));
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("alert")).toHaveText(
    "Colleague's name must be at most 120 characters",
  );
  expect(await invitations()).toBe(before);

  const colleague = `${P.img} ${P.hebrew} ${P.astral}`;
  await nameBox.fill(colleague);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toContainText(`colleague-${tag}@vendor.example`);
  const row = await db.invitation.findFirstOrThrow({
    where: { assessmentId: link.assessmentId, email: `colleague-${tag}@vendor.example` },
  });
  expect(row.name).toBe(colleague);

  // Evidence whose file name is markup: stored and listed as text.
  const card = page.locator("#q-shared_control_plane");
  await card.getByText(/^Evidence/).click();
  const fileName = `<img src=x onerror=alert(1)> ${P.hebrew} ${P.zalgo} ${P.astral}.pdf`;
  await card.getByLabel(/^File/).setInputFiles({
    name: fileName,
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
  });
  await card.getByRole("button", { name: "Upload" }).click();
  await expect(card.getByRole("link", { name: fileName, exact: true })).toBeVisible();
  const ev = await db.evidenceFile.findFirstOrThrow({ where: { assessmentId: link.assessmentId } });
  expect(ev.fileName).toBe(fileName);

  // Straight to the portal APIs: a megabyte is refused before any handler, a string over the
  // field's limit is refused at its path, and the database is unchanged.
  const post = (url: string, body: unknown) =>
    page.evaluate(
      async ({ url, body }) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: await res.json().catch(() => null) };
      },
      { url, body },
    );
  const save = (name: string) =>
    post(`/api/respond/${link.token}/answers`, {
      questionId: "subprocessors",
      value: [{ name, service: "x", country: "DE" }],
      baseVersion: 0,
      idempotencyKey: crypto.randomUUID(),
    });
  const megabyte = await save("x".repeat(1_048_576));
  expect(megabyte.status).toBe(400);
  expect(JSON.stringify(megabyte.body)).toContain("larger than 256 KB");
  const overlong = await save("x".repeat(200_000));
  expect(overlong.status).toBe(422);
  expect(overlong.body.errors[0]).toMatchObject({
    path: "answers.subprocessors[0].name",
    expected: "text of at most 200 characters",
  });
  const nul = await save(`a${REFUSED.nul}b`);
  expect(nul.status).toBe(422);
  expect(nul.body.errors[0]).toMatchObject({ path: "answers.subprocessors[0].name" });
  const bigInvite = await post(`/api/respond/${link.token}/colleagues`, {
    email: `big-${tag}@vendor.example`,
    name: "x".repeat(1_048_576),
  });
  expect(bigInvite.status).toBe(400);
  expect(
    await db.answer.count({
      where: { assessmentId: link.assessmentId, questionId: "subprocessors" },
    }),
  ).toBe(0);
  expect(await invitations()).toBe(before + 1);
  await watch.expectClean();
});

test("evidence upload: an SVG renamed to .pdf or .png is refused and nothing is stored", async ({
  browser,
  db,
}) => {
  const link = await makeLink(db, "Uploads");
  const page = await (await browser.newContext()).newPage();
  const watch = await guard(page);
  await page.goto(`/respond/${link.token}`);
  const uploads = path.join(process.env.E2E_DATA_DIR!, "uploads");
  const filesBefore = fs.existsSync(uploads) ? fs.readdirSync(uploads).sort() : [];
  const card = page.locator("#q-shared_control_plane");
  await card.getByText(/^Evidence/).click();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>`;
  const files = [
    { name: "diagram.pdf", mimeType: "application/pdf", text: svg },
    { name: "diagram.png", mimeType: "image/png", text: svg },
    // With an XML prolog, and with a byte-order mark and blank lines first.
    { name: "diagram2.pdf", mimeType: "application/pdf", text: `<?xml version="1.0"?>\n${svg}` },
    { name: "diagram3.png", mimeType: "image/png", text: `\uFEFF\n\n${svg}` },
  ];
  for (const f of files) {
    await card.getByLabel(/^File/).setInputFiles({
      name: f.name,
      mimeType: f.mimeType,
      buffer: Buffer.from(f.text, "utf8"),
    });
    const answered = page.waitForResponse(
      (r) => r.url().endsWith("/evidence") && r.request().method() === "POST",
    );
    await card.getByRole("button", { name: "Upload" }).click();
    expect((await answered).status()).toBe(422);
    await expect(card.getByRole("alert")).toHaveText(
      "This file type is not accepted. Upload a PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT file whose name matches its content.",
    );
    await expect(card.getByRole("link", { name: f.name })).toHaveCount(0);
  }
  // The other fields of an upload, sent without the form: each refused, naming the field.
  const upload = (fields: Record<string, string>) =>
    page.evaluate(
      async ({ url, fields }) => {
        const form = new FormData();
        form.set("file", new File(["%PDF-1.4\n%%EOF\n"], "real.pdf", { type: "application/pdf" }));
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        const res = await fetch(url, { method: "POST", body: form });
        return { status: res.status, body: await res.json() };
      },
      { url: `/api/respond/${link.token}/evidence`, fields },
    );
  expect(await upload({ questionId: "rto_minutes", evidenceDate: P.script })).toEqual({
    status: 422,
    body: { error: "Evidence date must be a date (YYYY-MM-DD).", field: "evidenceDate" },
  });
  expect(await upload({ questionId: `rto${REFUSED.nul}`, evidenceDate: "" })).toEqual({
    status: 422,
    body: { error: "The question for this evidence is not valid.", field: "questionId" },
  });
  expect(await db.evidenceFile.count({ where: { assessmentId: link.assessmentId } })).toBe(0);
  expect(fs.existsSync(uploads) ? fs.readdirSync(uploads).sort() : []).toEqual(filesBefore);
  await watch.expectClean();
});

test("review: request-changes and decision comments stored exactly and shown as text; bad ones named", async ({
  browser,
  db,
}) => {
  const link = await makeLink(db, "Review");
  const submit = (id: string) =>
    db.assessment.update({ where: { id }, data: { status: "submitted", submittedAt: new Date() } });
  await submit(link.assessmentId);
  const { page, watch } = await staffPage(browser, DEMO_USERS.procurement);
  await page.goto(`/assessments/${link.assessmentId}`);
  const review = page.getByRole("group", { name: "Request changes" });
  await review.getByRole("checkbox").first().check();
  const comment = review.getByRole("textbox");
  const request = review.getByRole("button", { name: /^Request changes/ });

  await comment.fill(`Why${REFUSED.nul}?`);
  await request.click();
  await expect(page.getByText("Comment contains a NUL character")).toBeVisible();
  // The box stops typing at 2000; a crafted page would not, and the server says so.
  await comment.evaluate((el) => el.removeAttribute("maxlength"));
  await comment.fill(longer(2000));
  await request.click();
  await expect(page.getByText("Comment must be at most 2000 characters")).toBeVisible();
  const unchanged = await db.assessment.findUniqueOrThrow({ where: { id: link.assessmentId } });
  expect(unchanged.status).toBe("submitted");
  expect(await db.reviewComment.count({ where: { assessmentId: link.assessmentId } })).toBe(0);

  const body = `${ALL_PAYLOADS}\n${P.img}`;
  await comment.fill(body);
  await request.click();
  // The review card goes once the assessment is no longer submitted; the database says why.
  await expect
    .poll(async () =>
      (await db.reviewComment.findMany({ where: { assessmentId: link.assessmentId } })).map(
        (c) => c.body,
      ),
    )
    .toEqual([body]);
  await page.reload();
  await expect(page.locator("[data-thread-message]").first()).toContainText(ALL_PAYLOADS);

  // The vendor sees the reviewer's request as text too.
  const vendorPage = await (await browser.newContext()).newPage();
  const vendorWatch = await guard(vendorPage);
  await vendorPage.goto(`/respond/${link.token}`);
  await expect(vendorPage.getByRole("note").first()).toContainText(ALL_PAYLOADS);
  await vendorWatch.expectClean();

  // A decision comment on another submitted assessment.
  const other = await makeLink(db, "Decision");
  await submit(other.assessmentId);
  await page.goto(`/assessments/${other.assessmentId}`);
  const decision = page.getByRole("group", { name: "Decision" });
  await decision.getByRole("textbox").fill(`ok${REFUSED.nul}`);
  await decision.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Comment contains a NUL character")).toBeVisible();
  expect(
    (await db.assessment.findUniqueOrThrow({ where: { id: other.assessmentId } })).status,
  ).toBe("submitted");
  await decision.getByRole("textbox").fill(body);
  await decision.getByRole("button", { name: "Accept" }).click();
  await expect
    .poll(async () => {
      const a = await db.assessment.findUniqueOrThrow({ where: { id: other.assessmentId } });
      return { status: a.status, comment: a.decisionComment };
    })
    .toEqual({ status: "accepted", comment: body });
  await watch.expectClean();
});

test("findings and risk acceptance: stored exactly and shown as text; bad fields named", async ({
  browser,
  db,
}) => {
  const link = await makeLink(db, "Findings");
  const { page, watch } = await staffPage(browser, DEMO_USERS.admin);
  await page.goto(`/assessments/${link.assessmentId}`);
  const form = page.getByRole("form", { name: "Raise a finding" });
  const findings = () => db.finding.count({ where: { assessmentId: link.assessmentId } });

  for (const [label, value, error] of [
    ["Title", `Fix${REFUSED.nul}`, "Title contains a NUL character"],
    ["Title", longer(200), "Title must be at most 200 characters"],
    ["What must change", longer(5000), "Description must be at most 5000 characters"],
  ] as const) {
    await form.getByLabel("Title").fill("Fix it");
    await form.getByLabel("What must change").fill("Now");
    await form.getByLabel(label).fill(value);
    await form.getByRole("button", { name: "Raise finding" }).click();
    await expect(form.getByText(error)).toBeVisible();
    await expect(form.getByLabel(label)).toHaveValue(value);
  }
  expect(await findings()).toBe(0);

  const title = `${P.img} ${P.rtl} ${P.hebrew} ${tag}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("What must change").fill(ALL_PAYLOADS);
  await form.getByRole("button", { name: "Raise finding" }).click();
  await expect(page.getByText("Finding raised.")).toBeVisible();
  const f = await db.finding.findFirstOrThrow({ where: { assessmentId: link.assessmentId } });
  expect({ title: f.title, description: f.description }).toEqual({
    title,
    description: ALL_PAYLOADS,
  });
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expectText(item, title);
  await expectText(item, ALL_PAYLOADS);

  // Risk acceptance, as the same administrator.
  await item.getByText("Accept this risk").click();
  const accept = page.getByRole("form", { name: `Accept risk: ${title}` });
  const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await accept.getByLabel("Acceptance expires on").fill(until);
  await accept.getByLabel("Justification").fill(`Because${REFUSED.nul} of the contract terms`);
  await accept.getByRole("button", { name: "Accept risk" }).click();
  await expect(accept.getByText("Justification contains a NUL character")).toBeVisible();
  expect(await db.finding.findUniqueOrThrow({ where: { id: f.id } })).toEqual(f);

  const justification = `${ALL_PAYLOADS} ${P.script}`;
  await accept.getByLabel("Justification").fill(justification);
  await accept.getByRole("button", { name: "Accept risk" }).click();
  await expect(page.getByText("Risk accepted.", { exact: true })).toBeVisible();
  const accepted = await db.finding.findUniqueOrThrow({ where: { id: f.id } });
  expect({ status: accepted.status, why: accepted.riskJustification }).toEqual({
    status: "risk_accepted",
    why: justification,
  });
  await expect(page.getByText(`Risk accepted until ${until}: ${justification}`)).toBeVisible();
  await watch.expectClean();
});

test("admin: an invited user (name, then their own password) and organisation settings stored exactly and shown as text; bad ones named; audit search", async ({
  browser,
  db,
}) => {
  const { page, watch } = await staffPage(browser, DEMO_USERS.admin);
  const orgId = await demoOrgId(db);
  const orgBefore = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  try {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Invite a colleague" });
    const counts = async () => ({
      users: await db.user.count(),
      invitations: await db.staffInvitation.count(),
    });
    const before = await counts();
    const email = `hostile-${tag}@demo.example`;
    for (const [value, error] of [
      [`Ada${REFUSED.nul}`, "Name contains a NUL character"],
      [longer(120), "Name must be at most 120 characters"],
    ] as const) {
      await form.getByLabel("Name").fill(value);
      await form.getByLabel("Email").fill(email);
      await form.getByRole("button", { name: "Send invitation" }).click();
      await expect(form.getByText(error)).toBeVisible();
    }
    expect(await counts()).toEqual(before);

    const name = `${P.img} ${P.arabic} ${P.zalgo}`;
    const sent = Date.now();
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Send invitation" }).click();
    await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
    expect((await db.staffInvitation.findFirstOrThrow({ where: { email } })).name).toBe(name);
    await expectText(page.getByTestId(`invitation-row-${email}`), name);

    // The invitee chooses the password the admin no longer types: NUL and overlong named there.
    const link = await waitForLink({ to: email, subject: /invited/, after: sent, route: "invite" });
    const invitee = await (await browser.newContext()).newPage();
    const inviteeWatch = await guard(invitee);
    await invitee.goto(link);
    const choose = invitee.getByRole("form", { name: "Set password and join" });
    const password = choose.getByLabel("New password", { exact: true });
    for (const [value, error] of [
      [`a-long-password${REFUSED.nul}`, "Password contains a NUL character"],
      [longer(200), "Password must be at most 200 characters"],
    ] as const) {
      await password.fill(value);
      await choose.getByRole("button", { name: "Set password and join" }).click();
      await expect(choose.getByText(error)).toBeVisible();
      await expect(password).toHaveAttribute("aria-invalid", "true");
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    await password.fill(ALL_PAYLOADS);
    await choose.getByRole("button", { name: "Set password and join" }).click();
    await invitee.waitForURL("**/login");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe(name);
    // The password was stored exactly as typed: it signs in.
    await signIn(invitee, { email, password: ALL_PAYLOADS });
    await inviteeWatch.expectClean();
    await invitee.context().close();
    await page.reload();
    await expectText(page.getByRole("table").first(), name);

    await page.goto("/admin/settings");
    const settings = page.getByRole("form", { name: "Organisation settings" });
    const supportEmail = await settings.getByLabel("Vendor support email").inputValue();
    for (const [label, value, error] of [
      ["Organisation name", `Org${REFUSED.nul}`, "Organisation name contains a NUL character"],
      ["Organisation name", longer(200), "Organisation name must be at most 200 characters"],
      ["Vendor support email", P.img, "Vendor support email must be a valid email address"],
    ] as const) {
      await settings.getByLabel("Organisation name").fill(orgBefore.name);
      await settings.getByLabel(label).fill(value);
      await settings.getByRole("button", { name: "Save settings" }).click();
      await expect(settings.getByText(error)).toBeVisible();
      await expect(settings.getByLabel(label)).toHaveValue(value);
    }
    expect(await db.organization.findUniqueOrThrow({ where: { id: orgId } })).toEqual(orgBefore);
    await settings.getByLabel("Vendor support email").fill(supportEmail);
    await settings.getByLabel("Organisation name").fill(ALL_PAYLOADS);
    await settings.getByRole("button", { name: "Save settings" }).click();
    await expect(settings.getByRole("status")).toHaveText("Settings saved.");
    expect((await db.organization.findUniqueOrThrow({ where: { id: orgId } })).name).toBe(
      ALL_PAYLOADS,
    );
    await page.reload();
    // The page header names the organisation after the signed-in user's role.
    await expect(page.locator("header p").filter({ hasText: "Administrator ·" })).toContainText(
      `Administrator · ${ALL_PAYLOADS}`,
    );

    // The audit log's search box: hostile text is searched for as text; a NUL is ignored.
    await page.goto("/admin/audit");
    const filters = page.getByRole("form", { name: "Filter the audit log" });
    await filters.getByLabel("Actor").fill(ALL_PAYLOADS);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(filters.getByLabel("Actor")).toHaveValue(ALL_PAYLOADS);
    await filters.getByLabel("Actor").fill(`a${REFUSED.nul}b`);
    const response = page.waitForResponse((r) => r.url().includes("/admin/audit?"));
    await filters.getByRole("button", { name: "Filter" }).click();
    expect((await response).status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await watch.expectClean();
  } finally {
    await db.organization.update({
      where: { id: orgId },
      data: { name: orgBefore.name, settings: (orgBefore.settings ?? {}) as object },
    });
  }
});
