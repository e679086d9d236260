// Guards against a phone layout that breaks: at 360 and 390 px no element of the vendor portal
// (sites on the map, city suggestions open), the review page of a submitted assessment, the
// dashboard or the audit log may reach past the viewport's right edge (each element's box is
// measured: overflow hidden on html/body would not help, only a scroll container that itself
// fits); the site map's labels stay inside the drawing; city suggestions opened near the bottom
// of the screen are on screen.
import type { Page } from "@playwright/test";
import { createVendorLink, DEMO_USERS, expect, signIn, type TDb, test } from "./fixtures";

// Long names, as vendors type them, on sites stacked north to south: the map frames them in a
// narrow column, so no label fits whole on either side of its point.
const SITES = [
  {
    id: "site-1",
    name: "Frankfurt-Ost primary production data centre (Equinix FR5, hall 3)",
    role: "primary",
    provider: "Equinix Deutschland GmbH",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
  },
  {
    id: "site-2",
    name: "Zürich-Altstetten secondary warm standby (Green Datacenter, room 4)",
    role: "secondary",
    provider: "Green Datacenter AG",
    city: "Zürich",
    country: "CH",
    lat: 47.37,
    lon: 8.54,
  },
  {
    id: "site-3",
    name: "Milano-Caldera immutable backup vault (Data4, building 2)",
    role: "backup",
    provider: "Data4 Italy",
    city: "Milan",
    country: "IT",
    lat: 45.46,
    lon: 9.19,
  },
];

/** Every visible element whose box ends past the viewport's right edge, outside any scroller. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (s: CSSStyleDeclaration) => s.overflowX === "auto" || s.overflowX === "scroll";
    // sr-only: a 1 px box that clips its content; nothing inside it is drawn.
    const clippedAway = (el: Element, s: CSSStyleDeclaration) => {
      const r = el.getBoundingClientRect();
      return s.overflow.includes("hidden") && r.width <= 1 && r.height <= 1;
    };
    // Overflow that a scroll container (other than html and body) holds is handled: the page
    // does not widen, and the container, measured in its own right, must fit.
    const handled = (el: Element) => {
      // An <svg> clips its drawing to its own box, which is measured in its own right.
      if (el.parentElement?.closest("svg")) return true;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (scrolls(s) || clippedAway(a, s)) return true;
      }
      return false;
    };
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls =
        typeof el.className === "string" && el.className
          ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}`
          : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}" right=${Math.round(el.getBoundingClientRect().right)}`;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right <= width + 0.5) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      if (handled(el)) continue;
      out.push(name(el));
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 15) };
  });
}

async function expectFits(page: Page, what: string) {
  const { width, scrollWidth, out } = await overflowingElements(page);
  expect(out, `${what} at ${width} px: elements past the right edge`).toEqual([]);
  expect(scrollWidth, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(width);
}

/** A submitted, judged assessment of the link's vendor with flags, as the engine leaves one. */
async function submitWithFlags(db: TDb, assessmentId: string) {
  await db.assessment.update({
    where: { id: assessmentId },
    data: {
      status: "submitted",
      submittedAt: new Date(),
      asOfDate: new Date(),
      rating: "high",
      score: 48,
      flags: {
        create: [
          {
            code: "BACKUP_SHARED_DEPENDENCY",
            severity: "critical",
            title: "Backups share the primary's storage system",
            detail:
              "Helsinki-Vantaa immutable backup vault depends on the storage system of Frankfurt-Ost primary production data centre (Equinix FR5, hall 3).",
            questions: ["backup_shared_dependencies"],
          },
          {
            code: "SITE_SEPARATION_INSUFFICIENT",
            severity: "high",
            title: "Primary and secondary sites are 364 km apart",
            detail: "Frankfurt-Ost and Amsterdam-Science-Park are 364 km apart.",
            questions: ["sites"],
          },
        ],
      },
    },
  });
}

for (const width of [360, 390]) {
  test(`at ${width} px nothing reaches past the right edge: portal, review, dashboard, audit log`, async ({
    browser,
    db,
  }) => {
    test.setTimeout(180_000);
    const link = await createVendorLink(db, {
      email: `narrow-${width}-${Date.now()}@vendor.example`,
    });
    await db.answer.create({
      data: {
        assessmentId: link.assessmentId,
        questionId: "sites",
        value: SITES,
        updatedByKind: "vendor",
        updatedByInvitationId: link.invitationId,
      },
    });
    // The audit log's widest real row: a sites answer recorded as from → to.
    await db.auditEvent.create({
      data: {
        orgId: link.orgId,
        actorKind: "vendor",
        actorInvitationId: link.invitationId,
        action: "answer.changed",
        targetType: "assessment",
        targetId: link.assessmentId,
        data: { question: "sites", from: null, to: SITES, version: 1 },
      },
    });

    const ctx = await browser.newContext({ viewport: { width, height: 780 } });
    const page = await ctx.newPage();

    // The portal, with the sites on the map and one city's suggestions open.
    await page.goto(`/respond/${link.token}`);
    const map = page.getByRole("img", { name: /^Map of the 3 sites/ });
    await expect(map).toBeVisible();
    await map.scrollIntoViewIfNeeded();
    await expectFits(page, "portal with its site map");
    // Every label on the map lies inside the drawing (the SVG would cut off the rest).
    const cut = await map.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text")]
        .filter((t) => {
          const r = t.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5;
        })
        .map((t) => t.textContent);
    });
    expect(cut, "labels cut off by the map's edge").toEqual([]);
    const city = page
      .getByRole("group", { name: /^Site 3/ })
      .getByRole("combobox", { name: "City" });
    await city.fill("Mila");
    const suggestions = page.getByRole("listbox", { name: "City suggestions" });
    await expect(suggestions).toBeVisible();
    await expectFits(page, "portal with city suggestions open");
    await suggestions.getByRole("option", { name: /^Milan, Italy/ }).click();

    // The review page of the submitted assessment, as procurement sees it.
    await submitWithFlags(db, link.assessmentId);
    await signIn(page, DEMO_USERS.procurement);
    await page.goto(`/assessments/${link.assessmentId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("HR Orbit");
    await expectFits(page, "review page");
    await ctx.clearCookies();

    await signIn(page, DEMO_USERS.manager);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectFits(page, "dashboard");
    await ctx.clearCookies();

    await signIn(page, DEMO_USERS.admin);
    await page.goto("/admin/audit");
    await expect(page.getByRole("table", { name: /Audit events/ })).toBeVisible();
    await expectFits(page, "audit log");
    await ctx.close();
  });
}

test("city suggestions opened near the bottom of a phone screen are on screen", async ({
  browser,
  db,
}) => {
  const link = await createVendorLink(db, { email: `narrow-city-${Date.now()}@vendor.example` });
  await db.answer.create({
    data: {
      assessmentId: link.assessmentId,
      questionId: "sites",
      value: SITES,
      updatedByKind: "vendor",
      updatedByInvitationId: link.invitationId,
    },
  });
  const ctx = await browser.newContext({ viewport: { width: 390, height: 700 } });
  const page = await ctx.newPage();
  await page.goto(`/respond/${link.token}`);
  const city = page.getByRole("group", { name: /^Site 2/ }).getByRole("combobox", { name: "City" });
  // The field sits just above the bottom edge, as when a vendor scrolls down to it.
  await city.evaluate((input) => {
    window.scrollBy(0, input.getBoundingClientRect().bottom - window.innerHeight + 12);
  });
  await expect(city).toBeInViewport({ ratio: 1 });
  await city.fill("Züric");
  const list = page.getByRole("listbox", { name: "City suggestions" });
  await expect(list.getByRole("option").first()).toBeVisible();
  await expect(list).toBeInViewport({ ratio: 1 });
  await expect(city).toBeInViewport({ ratio: 1 });
  await city.press("Escape");
  await ctx.close();
});
