import "@/lib/zod-config";
import { z } from "zod";
import { zEmail, zNewPassword, zText } from "./common";

/** The first start's setup form: the organisation and its first admin (lib/data/setup.ts). */
export const ZSetup = z.object({
  orgName: zText({ label: "Organisation name", max: 120, min: 1 }),
  name: zText({ label: "Your name", max: 120, min: 1 }),
  email: zEmail(),
  password: zNewPassword(),
});
export type TSetup = z.infer<typeof ZSetup>;
