-- CreateEnum
CREATE TYPE "AnswerSource" AS ENUM ('previous', 'questionnaire', 'import');

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "awaitingConfirmation" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "carriedFrom" "AnswerSource";
