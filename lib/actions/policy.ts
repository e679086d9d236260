"use server";

import { previewPolicy, savePolicy } from "../data/policy";
import { ZPolicyForm } from "../schemas/policy";
import { defineAction } from "./define";

// The policy editor (admins): a preview of what a change would touch, and the save.

export const previewPolicyAction = defineAction({
  permission: "settings:manage",
  input: ZPolicyForm,
  run: ({ input, user }) => previewPolicy({ orgId: user.orgId, policy: input }),
});

export const savePolicyAction = defineAction({
  permission: "settings:manage",
  input: ZPolicyForm,
  revalidate: ["/admin/policy"],
  run: ({ input, user }) => savePolicy({ orgId: user.orgId, actorId: user.id, policy: input }),
});
