-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'sent', 'failed');

-- AlterTable
ALTER TABLE "ContactAttempt" ADD COLUMN     "deliveryId" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "notificationEmails" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "notificationLanguage" TEXT NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "jobId" TEXT,
    "driveId" TEXT,
    "incidentId" TEXT,
    "fromState" TEXT,
    "toState" TEXT,
    "data" JSONB,
    "job" JSONB,
    "fannedOutAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "jobId" TEXT,
    "channel" "DeliveryChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "giveUpAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_fannedOutAt_seq_idx" ON "Notice"("fannedOutAt", "seq");

-- CreateIndex
CREATE INDEX "Notice_jobId_at_idx" ON "Notice"("jobId", "at");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_seq_idx" ON "Delivery"("status", "nextAttemptAt", "seq");

-- CreateIndex
CREATE INDEX "Delivery_jobId_createdAt_idx" ON "Delivery"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Delivery_subscriptionId_createdAt_idx" ON "Delivery"("subscriptionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_noticeId_channel_target_key" ON "Delivery"("noticeId", "channel", "target");

-- CreateIndex
CREATE INDEX "WebhookSubscription_customerId_idx" ON "WebhookSubscription"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactAttempt_deliveryId_key" ON "ContactAttempt"("deliveryId");

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

