-- Search across job names, customers, tracking numbers and drive serials (pg_trgm: ILIKE
-- '%text%' through a GIN index). In the public schema, so every schema's indexes find it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- CreateIndex
CREATE INDEX "Customer_name_trgm_idx" ON "Customer" USING GIN ("name" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Job_stateChangedAt_id_idx" ON "Job"("stateChangedAt", "id");

-- CreateIndex
CREATE INDEX "Job_name_id_idx" ON "Job"("name", "id");

-- CreateIndex
CREATE INDEX "Job_customerId_stateChangedAt_idx" ON "Job"("customerId", "stateChangedAt");

-- CreateIndex
CREATE INDEX "Job_type_stateChangedAt_idx" ON "Job"("type", "stateChangedAt");

-- CreateIndex
CREATE INDEX "Job_percentComplete_id_idx" ON "Job"("percentComplete", "id");

-- CreateIndex
CREATE INDEX "Job_name_trgm_idx" ON "Job" USING GIN ("name" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Job_deliveryTrackingNumber_trgm_idx" ON "Job" USING GIN ("deliveryTrackingNumber" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Drive_serial_trgm_idx" ON "Drive" USING GIN ("serial" public.gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Package_trackingNumber_trgm_idx" ON "Package" USING GIN ("trackingNumber" public.gin_trgm_ops);
