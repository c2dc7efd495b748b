-- CreateIndex
CREATE INDEX "Job_state_creatingTimerStartedAt_idx" ON "Job"("state", "creatingTimerStartedAt");

-- CreateIndex
CREATE INDEX "Drive_receivedAt_idx" ON "Drive"("receivedAt");

-- CreateIndex
CREATE INDEX "Drive_shippedBackAt_idx" ON "Drive"("shippedBackAt");

-- CreateIndex
CREATE INDEX "Drive_state_stateChangedAt_idx" ON "Drive"("state", "stateChangedAt");

-- CreateIndex
CREATE INDEX "ContactAttempt_incidentId_idx" ON "ContactAttempt"("incidentId");
