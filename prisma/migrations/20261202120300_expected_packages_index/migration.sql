-- CreateIndex
CREATE INDEX "Job_state_shippingInfoAt_idx" ON "Job"("state", "shippingInfoAt");
