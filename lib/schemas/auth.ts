import "@/lib/zod-config";
import { z } from "zod";
import { zPassword } from "./common";

export const ZSignIn = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .max(254, "Email must be at most 254 characters")
    .pipe(z.email("Enter a valid email address")),
  password: zPassword({ min: 1 }),
  /** The second step's code (lib/identity/sign-in.ts); absent on the first step. */
  code: z.string().max(40).optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;
