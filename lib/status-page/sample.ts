import { statusPageView, type StatusPageSource, type StatusPageView } from "./view.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A typical job in the middle of its copy, with every part of the page present: for the renderer's
 * tests and for the size script, which renders it to count the page's bytes and scripts.
 */
export function sampleStatusPageSource(now: Date): StatusPageSource {
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR);
  return {
    job: {
      name: "contoso-backup-2026-11",
      type: "Import",
      state: "Transferring",
      logLevel: "Verbose",
      cancelRequested: false,
      deliveryCarrier: "FedEx",
      deliveryTrackingNumber: "123456789012",
      deliveryDriveCount: 3,
      stateChangedAt: ago(1),
      creatingTimerStartedAt: ago(9),
      shippingInfoAt: ago(6),
      completedAt: null,
      closedAt: null,
    },
    drives: [
      {
        serial: "WD-WCC4N0123456",
        state: "Completed",
        faultedFrom: null,
        extra: false,
        percentComplete: 100,
        errorLogUri: "https://logs.example.net/contoso/WD-WCC4N0123456/error.log",
        verboseLogUri: "https://logs.example.net/contoso/WD-WCC4N0123456/verbose.log",
      },
      {
        serial: "WD-WCC4N0654321",
        state: "Transferring",
        faultedFrom: null,
        extra: false,
        percentComplete: 42,
        errorLogUri: null,
        verboseLogUri: null,
      },
      {
        serial: "ST-ZA2B3C4D",
        state: "Received",
        faultedFrom: null,
        extra: false,
        percentComplete: 0,
        errorLogUri: null,
        verboseLogUri: null,
      },
    ],
    stateEvents: [
      { at: ago(9), fromState: null, toState: "Creating" },
      { at: ago(8), fromState: "Creating", toState: "Creating" },
      { at: ago(6), fromState: "Creating", toState: "Shipping" },
      { at: ago(2), fromState: "Shipping", toState: "Received" },
      { at: ago(1), fromState: "Received", toState: "Transferring" },
    ],
    returnPackages: [],
    missingPackageAnswerBy: null,
    missingPackageWaitExtended: false,
    returnAddressDestructionAt: null,
  };
}

export function sampleStatusPageView(now: Date): StatusPageView {
  return statusPageView(sampleStatusPageSource(now), now);
}
