/**
 * Azure's Operations_List: the resource-provider operations Dockside offers, by their Azure names,
 * described in our own words. Not offered: `jobs/listBitLockerKeys/action` (keys never leave the
 * datacenter) and `register/action` (there is no subscription to register).
 */
export const OFFERED_OPERATIONS = [
  {
    name: "Microsoft.ImportExport/locations/read",
    display: {
      provider: "Dockside",
      resource: "Locations",
      operation: "List or read datacenter sites",
      description: "The sites you can ship drives to, with their address and carriers.",
    },
  },
  {
    name: "Microsoft.ImportExport/jobs/read",
    display: {
      provider: "Dockside",
      resource: "Jobs",
      operation: "List or read jobs",
      description: "Your jobs' states, progress, drives and logs.",
    },
  },
  {
    name: "Microsoft.ImportExport/jobs/write",
    display: {
      provider: "Dockside",
      resource: "Jobs",
      operation: "Create or update a job",
      description: "Create a job, or change what may still change in it: shipping, tags, drives.",
    },
  },
  {
    name: "Microsoft.ImportExport/jobs/delete",
    display: {
      provider: "Dockside",
      resource: "Jobs",
      operation: "Delete a job",
      description: "Delete a job that never shipped or has finished.",
    },
  },
] as const;
