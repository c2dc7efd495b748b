import { z } from "zod";
import { API_VERSION } from "@/lib/validation/azure-fields.ts";

/**
 * The parts of Azure Resource Manager's paths that Dockside reads: the api-version every ARM call
 * carries, the subscription id and the resource group name. Dockside has no subscriptions of its
 * own: these only sort a customer's jobs (lib/server/jobs/arm-scope.ts).
 */

export const API_VERSION_RULE = `This API speaks api-version ${API_VERSION}: add ?api-version=${API_VERSION} to the URL.`;

export const ArmQuery = z.object({
  "api-version": z
    .string({ error: API_VERSION_RULE })
    .refine((v) => v === API_VERSION, API_VERSION_RULE)
    .meta({ description: API_VERSION_RULE }),
});

export const SUBSCRIPTION_RULE =
  "A subscription id is 1 to 64 letters, digits and hyphens (usually a GUID).";
export const RESOURCE_GROUP_RULE =
  "A resource group name is 1 to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period.";

export const SubscriptionId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, SUBSCRIPTION_RULE)
  .meta({ description: SUBSCRIPTION_RULE });

export const ResourceGroupName = z
  .string()
  .regex(/^[-\w.()]{0,89}[-\w()]$/u, RESOURCE_GROUP_RULE)
  .meta({ description: RESOURCE_GROUP_RULE });

export const ArmSubscription = z.object({ subscriptionId: SubscriptionId });
export const ArmJobScope = ArmSubscription.extend({ resourceGroupName: ResourceGroupName });
