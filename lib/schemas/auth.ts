import "@/lib/zod-config";
import * as z from "zod/mini";
import { fieldTextMessages, textCheck } from "./text-check";

// zod/mini: the sign-in form checks these in the browser (react-hook-form's zodResolver), and
// zod's full build (~30 KB gzip) would be most of the sign-in page's own JavaScript. The
// password is checked as zPassword({ min: 1 }) checks it (lib/schemas/common.ts).
const PASSWORD_MAX = 200;

export const ZSignIn = z.object({
  email: z.pipe(
    z
      .string({ error: "Enter your email address" })
      .check(z.maxLength(254, "Email must be at most 254 characters")),
    z.email("Enter a valid email address"),
  ),
  password: z
    .string({ error: "Enter a password" })
    .check(
      z.minLength(1, "Enter your password"),
      textCheck(PASSWORD_MAX, fieldTextMessages("Password", PASSWORD_MAX)),
    ),
  /** The second step's code (lib/identity/sign-in.ts); absent on the first step. */
  code: z.optional(z.string().check(z.maxLength(40, "Code must be at most 40 characters"))),
});
export type TSignIn = z.infer<typeof ZSignIn>;
