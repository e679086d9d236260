-- AlterTable
ALTER TABLE "OpsRun" ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "running" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "startedById" TEXT,
ADD COLUMN     "steps" TEXT[] DEFAULT ARRAY[]::TEXT[];
