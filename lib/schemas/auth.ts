import "@/lib/zod-config";
import { z } from "zod";

export const ZSignIn = z.object({
  email: z.email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignIn = z.infer<typeof ZSignIn>;
