import type { Metadata } from "next";
import { DrillPanel, type TDrillView } from "@/components/ops/drill-panel";
import { BackupWarning, DrillWarning, LastBackup, LastDrill } from "@/components/ops/ops-status";
import { RunTable } from "@/components/ops/run-table";
import { ExternalDatabaseNote, SelfAssessment } from "@/components/ops/self-assessment";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/authz";
import { getOpsOverview } from "@/lib/data/ops";
import { getEnv } from "@/lib/env";
import { loadSelfAssessment } from "@/lib/ops/self-assessment";

export const metadata: Metadata = { title: "Backups & drills" };

function scheduleText() {
  const env = getEnv();
  if (env.BACKUP_INTERVAL_MINUTES === 0) {
    return "Scheduled backups are off (BACKUP_INTERVAL_MINUTES=0): run npm run backup yourself.";
  }
  return `The app backs up its database and evidence files every ${env.BACKUP_INTERVAL_MINUTES} minutes into BACKUP_DIR (${env.BACKUP_DIR}) and keeps the newest ${env.BACKUP_RETENTION} scheduled backups.`;
}

export default async function OpsPage() {
  await requirePageUser({ permission: "ops:read" });
  const now = new Date();
  const overview = await getOpsOverview({ now });
  const self = await loadSelfAssessment({ now });
  const d = overview.latestDrill;
  const latest: TDrillView | null = d && {
    running: d.running,
    ok: d.ok,
    startedAt: d.startedAt.toISOString(),
    finishedAt: d.finishedAt.toISOString(),
    detail: d.detail,
    steps: d.steps,
  };
  return (
    <>
      <PageHeader
        title="Backups & drills"
        description={`${scheduleText()} A restore drill proves a backup can really be restored and used; run one at least every 30 days, here or with npm run drill on the server.`}
      />
      {self.externalDatabase && <ExternalDatabaseNote />}
      <BackupWarning overview={overview} now={now} />
      <DrillWarning overview={overview} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Last backup">
          <LastBackup overview={overview} now={now} />
        </Card>
        <Card title="Last passed restore drill">
          <LastDrill overview={overview} now={now} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card title="This deployment, judged by the app's own rules">
          <SelfAssessment assessment={self} />
        </Card>
        <Card title="Restore drill">
          <DrillPanel latest={latest} />
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Recent runs">
          <RunTable runs={overview.runs} />
        </Card>
      </div>
    </>
  );
}
