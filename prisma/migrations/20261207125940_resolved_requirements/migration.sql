-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "requirementsAtSend" JSONB,
ADD COLUMN     "requirementsPolicyVersion" INTEGER,
ADD COLUMN     "resolvedRequirements" JSONB;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "policyVersion" INTEGER NOT NULL DEFAULT 1;
