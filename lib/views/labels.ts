import type { DriveState, IncidentKind } from "@/lib/domain/index.ts";
import type { ReturnAddressView, ReturnParcel } from "@/lib/views/worklists.ts";

/**
 * What the printable labels show (app/(print)/labels): plain data with each barcode already
 * drawn on the server as SVG (lib/server/labels/barcode.ts), so nothing here reaches into
 * lib/server.
 */

/** A Code 128 barcode: the text it encodes, and its SVG drawing as an image address (data: URI). */
export type Barcode = { text: string; src: string };

/** The label stuck on a drive kept at the dock: held (R-E1) or extra (R-E5, R-D11). */
export type DriveLabel = {
  driveId: string;
  serial: string;
  barcode: Barcode;
  state: DriveState;
  extra: boolean;
  job: { id: string; name: string; customer: string } | null;
  incident: {
    id: string;
    kind: IncidentKind;
    rule: string;
    title: string;
    openedAt: Date;
    /** The next deadline of the incident, or null when it has none (an extra drive waits for its job). */
    deadline: { what: string; at: Date } | null;
  } | null;
};

export type PackingSlipDrive = {
  serial: string;
  barcode: Barcode;
  extra: boolean;
  state: DriveState;
};

/** The slip packed with a job's drives going back to the customer (R-D9, R-D11). */
export type PackingSlip = {
  jobId: string;
  jobName: string;
  customer: string;
  returnAddress: ReturnAddressView | null;
  returnCarrier: string | null;
  returnCarrierAccount: string | null;
  parcels: ReturnParcel[];
  drives: PackingSlipDrive[];
};
