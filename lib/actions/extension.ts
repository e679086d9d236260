"use server";

import {
  addExtensionQuestion,
  addExtensionRule,
  importExtension,
  removeExtensionItem,
} from "../data/extension";
import {
  ZExtensionImport,
  ZExtensionQuestionForm,
  ZExtensionRemove,
  ZExtensionRuleForm,
} from "../schemas/extension";
import { defineAction } from "./define";

// The questionnaire extension editor (admins, issue 19): every change saves a new version.

const PAGE = ["/admin/questions"] as const;

export const addExtensionQuestionAction = defineAction({
  permission: "settings:manage",
  input: ZExtensionQuestionForm,
  revalidate: PAGE,
  run: ({ input, user }) =>
    addExtensionQuestion({ orgId: user.orgId, actorId: user.id, form: input }),
});

export const addExtensionRuleAction = defineAction({
  permission: "settings:manage",
  input: ZExtensionRuleForm,
  revalidate: PAGE,
  run: ({ input, user }) => addExtensionRule({ orgId: user.orgId, actorId: user.id, form: input }),
});

export const removeExtensionItemAction = defineAction({
  permission: "settings:manage",
  input: ZExtensionRemove,
  revalidate: PAGE,
  run: ({ input, user }) =>
    removeExtensionItem({ orgId: user.orgId, actorId: user.id, form: input }),
});

export const importExtensionAction = defineAction({
  permission: "settings:manage",
  input: ZExtensionImport,
  revalidate: PAGE,
  run: ({ input, user }) =>
    importExtension({ orgId: user.orgId, actorId: user.id, extension: input.json }),
});
