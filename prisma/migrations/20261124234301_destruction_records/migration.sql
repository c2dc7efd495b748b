-- CreateTable
CREATE TABLE "DestructionRecord" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "destroyedAt" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "serials" TEXT[],
    "byUserId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DestructionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DestructionRecord_incidentId_idx" ON "DestructionRecord"("incidentId");

-- AddForeignKey
ALTER TABLE "DestructionRecord" ADD CONSTRAINT "DestructionRecord_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
