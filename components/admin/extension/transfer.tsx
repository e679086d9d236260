"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { importExtensionAction } from "@/lib/actions/extension";

/** Export as a JSON file; import one (from this or another organisation) as a new version. */
export function ExtensionTransfer({ exported }: { exported: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" }>();
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(exported)}`;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setMessage(undefined);
    const json = await file.text();
    const r = await callAction(() => importExtensionAction({ json }));
    if (!r.error) {
      setMessage({ text: `Imported as version ${r.data?.version}.`, tone: "success" });
      return router.refresh();
    }
    // Each problem named by where it is in the file, e.g. "json.sections.0.questions.1.id".
    const problems = Object.entries(r.fieldErrors ?? {}).map(
      ([path, messages]) => `${path.replace(/^json\.?/, "") || "file"}: ${messages.join("; ")}`,
    );
    setMessage({ text: [r.error, ...problems].join("\n"), tone: "error" });
  };
  return (
    <div className="space-y-3 text-sm">
      <a className="text-indigo-800 underline" href={href} download="questionnaire-extension.json">
        Export as JSON
      </a>
      <div>
        <label htmlFor="x-import" className="block font-medium">
          Import a JSON file (replaces your questions and rules with a new version)
        </label>
        <input
          id="x-import"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void upload(e.target.files?.[0])}
        />
      </div>
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}
