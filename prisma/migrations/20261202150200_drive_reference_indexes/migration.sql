-- CreateIndex
CREATE INDEX "Incident_driveId_idx" ON "Incident"("driveId");

-- CreateIndex
CREATE INDEX "ContactAttempt_driveId_idx" ON "ContactAttempt"("driveId");
