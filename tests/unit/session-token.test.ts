import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, test } from "vitest";
import {
  decodeSessionToken,
  forgetEndedSession,
  readSessionCookie,
  sessionCookieName,
} from "@/lib/session-token";

const SECRET = "a-session-secret-of-at-least-thirty-two-chars";
const OTHER = "another-secret-of-at-least-thirty-two-characters";

describe("decodeSessionToken", () => {
  test("decodes a token next-auth issued, the first time and again", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3 }, secret: SECRET, maxAge: 600 });
    for (let i = 0; i < 2; i++) {
      const payload = await decodeSessionToken({ token, secret: SECRET });
      expect(payload).toMatchObject({ uid: "u1", sv: 3 });
    }
  });

  test("a remembered token is still refused under another secret", async () => {
    const token = await encode({ token: { uid: "u2" }, secret: SECRET, maxAge: 600 });
    expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject({ uid: "u2" });
    await expect(decodeSessionToken({ token, secret: OTHER })).rejects.toThrow();
  });

  test("an expired token is refused", async () => {
    const token = await encode({ token: { uid: "u3" }, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow();
  });

  test("a tampered token is refused", async () => {
    const token = await encode({ token: { uid: "u4" }, secret: SECRET, maxAge: 600 });
    await decodeSessionToken({ token, secret: SECRET });
    const last = token.at(-2) === "A" ? "B" : "A";
    const tampered = `${token.slice(0, -2)}${last}${token.at(-1)}`;
    await expect(decodeSessionToken({ token: tampered, secret: SECRET })).rejects.toThrow();
  });

  // Guards against a copied cookie working after sign-out in the process that saw it end.
  test("a remembered token of a session that ended is no session any more", async () => {
    const token = await encode({
      token: { uid: "u5", sid: "s-ended" },
      secret: SECRET,
      maxAge: 600,
    });
    const other = await encode({
      token: { uid: "u5", sid: "s-other" },
      secret: SECRET,
      maxAge: 600,
    });
    expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject({ sid: "s-ended" });
    forgetEndedSession("s-ended");
    expect(await decodeSessionToken({ token, secret: SECRET })).toBeNull();
    expect(await decodeSessionToken({ token: other, secret: SECRET })).toMatchObject({
      sid: "s-other",
    });
  });

  test("no token, no session", async () => {
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
    expect(await decodeSessionToken({ token: "", secret: SECRET })).toBeNull();
  });
});

describe("readSessionCookie", () => {
  const before = process.env.NEXTAUTH_URL;
  afterEach(() => {
    process.env.NEXTAUTH_URL = before;
  });

  test("uses next-auth's names: __Secure- over https", () => {
    process.env.NEXTAUTH_URL = "https://ledger.example";
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(sessionCookieName()).toBe("next-auth.session-token");
  });

  test("reads the whole cookie, or joins next-auth's chunks in order", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const whole = new Map([["next-auth.session-token", "abc"]]);
    expect(readSessionCookie((n) => whole.get(n))).toBe("abc");
    const chunks = new Map([
      ["next-auth.session-token.1", "def"],
      ["next-auth.session-token.0", "abc"],
    ]);
    expect(readSessionCookie((n) => chunks.get(n))).toBe("abcdef");
    expect(readSessionCookie(() => undefined)).toBeUndefined();
  });
});
