-- CreateIndex
CREATE INDEX "Event_actorId_at_idx" ON "Event"("actorId", "at");

-- CreateIndex
CREATE INDEX "Event_packageId_at_idx" ON "Event"("packageId", "at");
