-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "drafts" JSONB;

-- AlterTable
ALTER TABLE "AnswerRevision" ADD COLUMN     "drafts" JSONB;
