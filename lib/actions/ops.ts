"use server";

import { z } from "zod";
import { startDrillJob } from "../ops/drill-job";
import { defineAction } from "./define";

/** Starts a restore drill in the background, or names the one already running. */
export const startDrillAction = defineAction({
  permission: "ops:drill",
  input: z.object({}),
  revalidate: ["/admin/ops"],
  run: ({ user }) => startDrillJob({ orgId: user.orgId, actorId: user.id }),
});
