/**
 * The customer Job API (`/api/v1/jobs`), shaped like the Azure Import/Export REST API
 * (api-version 2021-01-01: JobDetails, DriveStatus, PackageInformation, ...) in camelCase, so that
 * clients written for Azure need little change. Request schemas are strict: a misspelt property
 * (`bitlockerKey`) is refused, not silently dropped. Every schema with an `id` is a named component
 * of the OpenAPI document (lib/api/openapi.ts).
 */

export {
  MAX_DRIVES_PER_JOB,
  MAX_BLOB_PATHS,
  JOB_NAME_RULE,
  JobName,
  ReturnAddress,
  ReturnShippingInput,
  ReturnShipping,
} from "@/lib/validation/job-api/common.ts";
export {
  DriveBitLocker,
  DeliveryPackageInput,
  BlobListInput,
  BLOB_LIST_BLOB_PATH_RULE,
  ExportInput,
} from "@/lib/validation/job-api/inputs.ts";
export {
  ShippingInformationInput,
  PutJobProperties,
  Location,
  PutJobParameters,
  UpdateJobProperties,
  UpdateJobParameters,
  FILTER_RULE,
  ListJobsQuery,
} from "@/lib/validation/job-api/requests.ts";
export {
  PackageInformation,
  BlobList,
  Export,
  ShippingInformation,
  DriveStatus,
  JobDetails,
  JobResponse,
  ListJobsResponse,
  ApiErrorDetail,
  ApiError,
} from "@/lib/validation/job-api/responses.ts";
