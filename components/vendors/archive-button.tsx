"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { callAction } from "@/components/ui/use-action-form";
import { setVendorArchivedAction } from "@/lib/actions/vendors";

/** Archiving hides a vendor from the inventory and from new assessments; history stays. */
export function ArchiveButton({ vendorId, archived }: { vendorId: string; archived: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-2">
      <FormAlert message={error} />
      <Button
        variant={archived ? "secondary" : "danger"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await callAction(() =>
              setVendorArchivedAction({ vendorId, archived: !archived }),
            );
            setError(r.error);
            router.refresh();
          })
        }
      >
        {archived ? "Restore vendor" : "Archive vendor"}
      </Button>
    </div>
  );
}
