-- CreateEnum
CREATE TYPE "JobType" AS ENUM ('Import', 'Export');

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('Creating', 'Shipping', 'Received', 'Transferring', 'Packaging', 'Completed', 'Closed', 'Faulted');

-- CreateEnum
CREATE TYPE "DriveState" AS ENUM ('Specified', 'Received', 'NeverReceived', 'Transferring', 'Completed', 'CompletedMoreInfo', 'ShippedBack', 'Faulted');

-- CreateEnum
CREATE TYPE "LogLevel" AS ENUM ('Error', 'Verbose');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('operator', 'supervisor', 'admin');

-- CreateEnum
CREATE TYPE "PackageDirection" AS ENUM ('Inbound', 'Return');

-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('JobNotShipping', 'PackageOverdue', 'ReturnedDrivesLostOrDamaged', 'ReturnAddressInvalid', 'ExtraDrive');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('Open', 'Resolved');

-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('customer', 'station');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('email', 'phone');

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "JobType" NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'Creating',
    "faultedFrom" "JobState",
    "faultReason" TEXT,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "hadErrors" BOOLEAN NOT NULL DEFAULT false,
    "storageAccount" TEXT NOT NULL,
    "logLevel" "LogLevel" NOT NULL DEFAULT 'Error',
    "backupDriveManifest" BOOLEAN NOT NULL DEFAULT false,
    "exportBlobList" JSONB,
    "deliveryCarrier" TEXT,
    "deliveryTrackingNumber" TEXT,
    "deliveryDriveCount" INTEGER,
    "deliveryShipDate" TIMESTAMP(3),
    "returnAddress" JSONB,
    "returnCarrier" TEXT,
    "returnCarrierAccount" TEXT,
    "percentComplete" INTEGER NOT NULL DEFAULT 0,
    "creatingTimerStartedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "shippingInfoAt" TIMESTAMP(3),
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shippingAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "transferringAt" TIMESTAMP(3),
    "packagingAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Drive" (
    "id" TEXT NOT NULL,
    "jobId" TEXT,
    "serial" TEXT NOT NULL,
    "state" "DriveState" NOT NULL,
    "faultedFrom" "DriveState",
    "faultReason" TEXT,
    "extra" BOOLEAN NOT NULL DEFAULT false,
    "copyStatus" TEXT,
    "percentComplete" INTEGER NOT NULL DEFAULT 0,
    "bytesTransferred" BIGINT NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "errorLogUri" TEXT,
    "verboseLogUri" TEXT,
    "manifestFile" TEXT,
    "manifestHash" TEXT,
    "driveHeaderHash" TEXT,
    "bitLockerKey" TEXT,
    "inboundPackageId" TEXT,
    "returnPackageId" TEXT,
    "receivedAt" TIMESTAMP(3),
    "shippedBackAt" TIMESTAMP(3),
    "stateChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Drive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Package" (
    "id" TEXT NOT NULL,
    "direction" "PackageDirection" NOT NULL,
    "carrier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Package_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "jobId" TEXT,
    "driveId" TEXT,
    "packageId" TEXT,
    "incidentId" TEXT,
    "fromState" TEXT,
    "toState" TEXT,
    "reason" TEXT,
    "data" JSONB,
    "idempotencyKey" TEXT,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "kind" "IncidentKind" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'Open',
    "jobId" TEXT,
    "driveId" TEXT,
    "packageId" TEXT,
    "summary" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contactDeadline" TIMESTAMP(3),
    "answerDeadline" TIMESTAMP(3),
    "destructionDeadline" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactAttempt" (
    "id" TEXT NOT NULL,
    "jobId" TEXT,
    "driveId" TEXT,
    "incidentId" TEXT,
    "channel" "ContactChannel" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "byUserId" TEXT NOT NULL,

    CONSTRAINT "ContactAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "customerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusLink" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StatusLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_name_key" ON "Customer"("name");

-- CreateIndex
CREATE INDEX "Job_state_stateChangedAt_idx" ON "Job"("state", "stateChangedAt");

-- CreateIndex
CREATE INDEX "Job_deliveryTrackingNumber_idx" ON "Job"("deliveryTrackingNumber");

-- CreateIndex
CREATE INDEX "Job_createdAt_idx" ON "Job"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Job_customerId_name_key" ON "Job"("customerId", "name");

-- CreateIndex
CREATE INDEX "Drive_serial_idx" ON "Drive"("serial");

-- CreateIndex
CREATE INDEX "Drive_jobId_state_idx" ON "Drive"("jobId", "state");

-- CreateIndex
CREATE INDEX "Drive_inboundPackageId_idx" ON "Drive"("inboundPackageId");

-- CreateIndex
CREATE INDEX "Drive_returnPackageId_idx" ON "Drive"("returnPackageId");

-- CreateIndex
CREATE UNIQUE INDEX "Drive_jobId_serial_key" ON "Drive"("jobId", "serial");

-- CreateIndex
CREATE INDEX "Package_closedAt_idx" ON "Package"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Package_direction_trackingNumber_key" ON "Package"("direction", "trackingNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Event_idempotencyKey_key" ON "Event"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Event_jobId_at_idx" ON "Event"("jobId", "at");

-- CreateIndex
CREATE INDEX "Event_driveId_at_idx" ON "Event"("driveId", "at");

-- CreateIndex
CREATE INDEX "Event_at_idx" ON "Event"("at");

-- CreateIndex
CREATE INDEX "Event_kind_at_idx" ON "Event"("kind", "at");

-- CreateIndex
CREATE INDEX "Incident_status_openedAt_idx" ON "Incident"("status", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_jobId_idx" ON "Incident"("jobId");

-- CreateIndex
CREATE INDEX "ContactAttempt_jobId_at_idx" ON "ContactAttempt"("jobId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "StatusLink_tokenHash_key" ON "StatusLink"("tokenHash");

-- CreateIndex
CREATE INDEX "StatusLink_jobId_idx" ON "StatusLink"("jobId");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drive" ADD CONSTRAINT "Drive_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drive" ADD CONSTRAINT "Drive_inboundPackageId_fkey" FOREIGN KEY ("inboundPackageId") REFERENCES "Package"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drive" ADD CONSTRAINT "Drive_returnPackageId_fkey" FOREIGN KEY ("returnPackageId") REFERENCES "Package"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_driveId_fkey" FOREIGN KEY ("driveId") REFERENCES "Drive"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_driveId_fkey" FOREIGN KEY ("driveId") REFERENCES "Drive"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAttempt" ADD CONSTRAINT "ContactAttempt_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusLink" ADD CONSTRAINT "StatusLink_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
