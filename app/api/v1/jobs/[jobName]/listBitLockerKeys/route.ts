import { bitLockerKeysRoute } from "@/lib/server/http/job-routes.ts";

/** Azure's BitLockerKeys_List, deliberately not offered: a JSON refusal that says why. */
export const POST = bitLockerKeysRoute("v1");
