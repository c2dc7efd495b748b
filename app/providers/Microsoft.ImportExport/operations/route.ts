import { operationsRoute } from "@/lib/server/http/location-routes.ts";

/** Operations_List: what the ARM paths of Dockside offer. */
export const GET = operationsRoute();
