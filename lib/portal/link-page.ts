import type { TLinkState } from "./access";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0}main{max-width:34rem;margin:10vh auto;padding:2rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 3px #0002}h1{font-size:1.4rem;margin-top:0}p{line-height:1.5;color:#334155}</style></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** The plain pages a bad link gets: 404 reveals nothing; 410 says whom to ask. */
export function linkStatePage(link: Exclude<TLinkState, { state: "valid" }>): Response {
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
  };
  if (link.state === "unknown") {
    return new Response(
      page(
        "This link is not valid",
        "<p>Check that you copied the whole link from your email. If it still does not work, ask the person who sent it for a new one.</p>",
      ),
      { status: 404, headers },
    );
  }
  const contact = link.support
    ? `<a href="mailto:${esc(link.support)}">${esc(link.support)}</a>`
    : esc(link.orgName);
  if (link.state === "cancelled") {
    return new Response(
      page(
        "This questionnaire was cancelled",
        `<p>${esc(link.orgName)} cancelled this questionnaire, so its links no longer work. Nothing more is needed from you for it.</p><p>To ask about it, contact ${contact}.</p>`,
      ),
      { status: 410, headers },
    );
  }
  const what = link.state === "expired" ? "has expired" : "was withdrawn";
  return new Response(
    page(
      `This link ${what}`,
      `<p>This questionnaire link from ${esc(link.orgName)} ${what}. Your saved answers are kept.</p><p>To continue, ask ${contact} for a new link.</p>`,
    ),
    { status: 410, headers },
  );
}
