-- DropIndex
DROP INDEX "Reminder_assessmentId_kind_key";

-- AlterTable: reminders already sent were about their assessment's current due date.
ALTER TABLE "Reminder" ADD COLUMN     "dueDate" DATE;
UPDATE "Reminder" r SET "dueDate" = COALESCE(a."dueDate", r."sentAt"::date)
  FROM "Assessment" a WHERE a.id = r."assessmentId";
ALTER TABLE "Reminder" ALTER COLUMN "dueDate" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_assessmentId_kind_dueDate_key" ON "Reminder"("assessmentId", "kind", "dueDate");
