import type { Prisma } from "@/lib/generated/prisma/client.ts";

/**
 * Where a job lives on Azure Resource Manager's paths: a subscription and a resource group. A
 * customer key may use any of its own (they only sort the customer's jobs); the job keeps the pair
 * it was made under, answers to it (as ARM does, in any case) and shows it in its `id`. A job made
 * through `/api/v1/jobs` has none and is reached there only.
 */
export type ArmScope = { subscriptionId: string; resourceGroup: string };

export const ARM_PROVIDER = "Microsoft.ImportExport";
export const ARM_JOB_TYPE = `${ARM_PROVIDER}/jobs` as const;
export const ARM_LOCATION_TYPE = `${ARM_PROVIDER}/locations` as const;

/** The columns a new job made under this scope stores. */
export function scopeColumns(scope: ArmScope) {
  return {
    armSubscriptionId: scope.subscriptionId.toLowerCase(),
    armResourceGroup: scope.resourceGroup,
    armResourceGroupKey: scope.resourceGroup.toLowerCase(),
  };
}

/** The jobs of a subscription (and of one resource group of it, when given). */
export function scopeWhere(scope: {
  subscriptionId: string;
  resourceGroup?: string;
}): Prisma.JobWhereInput {
  return {
    armSubscriptionId: scope.subscriptionId.toLowerCase(),
    ...(scope.resourceGroup ? { armResourceGroupKey: scope.resourceGroup.toLowerCase() } : {}),
  };
}

/** Whether a job stored with these columns is reached on this scope's paths. */
export function inScope(
  job: { armSubscriptionId: string | null; armResourceGroupKey: string | null },
  scope: ArmScope | null,
): boolean {
  if (!scope) return true;
  return (
    job.armSubscriptionId === scope.subscriptionId.toLowerCase() &&
    job.armResourceGroupKey === scope.resourceGroup.toLowerCase()
  );
}

export function armJobPath(scope: ArmScope, name: string): string {
  return `/subscriptions/${encodeURIComponent(scope.subscriptionId)}/resourceGroups/${encodeURIComponent(scope.resourceGroup)}/providers/${ARM_JOB_TYPE}/${encodeURIComponent(name)}`;
}

export function locationPath(code: string): string {
  return `/providers/${ARM_LOCATION_TYPE}/${encodeURIComponent(code)}`;
}
