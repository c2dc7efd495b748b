-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "armResourceGroup" TEXT,
ADD COLUMN     "armResourceGroupKey" TEXT,
ADD COLUMN     "armSubscriptionId" TEXT,
ADD COLUMN     "diagnosticsPath" TEXT,
ADD COLUMN     "encryptionKey" JSONB,
ADD COLUMN     "siteId" TEXT,
ADD COLUMN     "tags" JSONB;

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "streetAddress1" TEXT NOT NULL,
    "streetAddress2" TEXT,
    "city" TEXT NOT NULL,
    "stateOrProvince" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "countryOrRegion" TEXT NOT NULL,
    "phone" TEXT,
    "additionalShippingInformation" TEXT,
    "supportedCarriers" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Site_code_key" ON "Site"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "Site"("name");

-- CreateIndex
CREATE INDEX "Job_customerId_armSubscriptionId_armResourceGroupKey_idx" ON "Job"("customerId", "armSubscriptionId", "armResourceGroupKey");

-- CreateIndex
CREATE INDEX "Job_siteId_idx" ON "Job"("siteId");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

