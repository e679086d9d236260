-- DropIndex
DROP INDEX "AnswerRevision_idempotencyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "AnswerRevision_answerId_idempotencyKey_key" ON "AnswerRevision"("answerId", "idempotencyKey");
