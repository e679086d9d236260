-- CreateTable
CREATE TABLE "KeptReport" (
    "assessmentId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeptReport_pkey" PRIMARY KEY ("assessmentId")
);

-- CreateIndex
CREATE INDEX "KeptReport_orgId_idx" ON "KeptReport"("orgId");

-- AddForeignKey
ALTER TABLE "KeptReport" ADD CONSTRAINT "KeptReport_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
