import type { CustomerDeadlineKind } from "@/lib/domain/customer-deadlines.ts";
import type { DriveState, JobState, JobType } from "@/lib/domain/states.ts";
import {
  DRIVE_STATE_WORDING,
  EXPORT_DRIVE_WORDING,
  JOB_STATE_WORDING,
  type JobStateWording,
  type StateWording,
} from "@/lib/domain/state-wording.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Lang } from "./locale.ts";

/**
 * Every sentence of the customer's status page, in English and French, in Dockside's own words.
 * What the states mean comes from the domain's one source (lib/domain/state-wording.ts), which
 * the console reads too; the rest (deadlines, cancellation, the advice after an export) is here.
 * The facts and timers are the rules' (docs/domain.md); no sentence is the seed document's
 * (messages.test.ts fails on eight words in a row of it). French puts a no-break space (\u00a0)
 * before : ; ? and ! (messages.test.ts checks every sentence).
 */
export type StateText = StateWording;
export type JobStateText = JobStateWording;

type DeadlineText = {
  /** `at` is a `<time>` element, `remaining` "in 11 days", "in 5 hours" (render.ts). */
  upcoming: (at: SafeHtml, remaining: string) => SafeHtml;
  passed: (at: SafeHtml) => SafeHtml;
};

export type Messages = {
  service: string;
  htmlTitle: (jobName: string) => string;
  languageNav: string;
  jobType: Record<JobType, string>;
  stateHeading: string;
  /** Ends with its colon: French puts a space before it. */
  apiState: string;
  nextHeading: string;
  /** R-J14, said plainly: what a cancelled job means for the customer's data and drives. */
  cancelled: string;
  /** R-J14: the state's meaning where the usual one is not true of a cancelled job. */
  cancelledMeaning: Partial<Record<JobState, string>>;
  /** R-J14: what happens next to a cancelled job that has not ended yet. */
  cancelledNext: string;
  exportReturnAdvice: string;
  progressHeading: string;
  percentSentence: (percent: string) => string;
  /** Shown instead of a percent complete for a cancelled job (R-J14: its copy is skipped). */
  copySkipped: string;
  /** Time left when less than an hour remains ("in N days" and "in N hours" come from Intl). */
  withinTheHour: string;
  deadlinesHeading: string;
  deadlines: Record<CustomerDeadlineKind, DeadlineText>;
  drivesHeading: string;
  noDrives: string;
  driveCopied: (driveId: string) => string;
  driveStatesLegend: string;
  extraDrive: string;
  extraDriveMeaning: string;
  /** R-D6: an export copies from storage to the drive; only the states where direction matters. */
  exportDriveStates: Partial<Record<DriveState, string>>;
  errorLog: string;
  verboseLog: string;
  noLogs: string;
  historyHeading: string;
  noHistory: string;
  trackingHeading: string;
  deliveryPackage: string;
  returnPackages: string;
  noTracking: string;
  opensCarrierPage: (carrier: string) => string;
  readOnly: string;
  timesInUtc: string;
  generatedAt: (at: SafeHtml) => SafeHtml;
  jobStates: Record<JobState, JobStateText>;
  driveStates: Record<DriveState, StateText>;
  notFoundTitle: string;
  notFoundBody: string;
  rateLimitedTitle: string;
  rateLimitedBody: (seconds: number) => string;
};

const NB = "\u00a0";

const en: Messages = {
  service: "Drive import/export service",
  htmlTitle: (name) => `Job ${name}: status`,
  languageNav: "Language",
  jobType: { Import: "Import job", Export: "Export job" },
  stateHeading: "Current state",
  apiState: "State in the API:",
  nextHeading: "What happens next",
  cancelled:
    "This job was cancelled, at your request or by our operations team. Nothing is copied, and any drive that reached us is sent back to you.",
  cancelledMeaning: {
    Packaging:
      "The job was cancelled, so no copy was made: it waits in Packaging while the drives that reached us are made ready to go back to you.",
    Closed:
      "The job was cancelled. A cancelled job always ends Closed, even when nothing else went wrong.",
  },
  cancelledNext:
    "A cancelled job skips only the copy: it still takes the usual steps, and it moves to Closed once every drive that reached us is on its way back to you.",
  exportReturnAdvice:
    "Drives not at your return address yet? Check the tracking numbers below first: once we have shipped a drive, the carrier is the one who can find it. A drive damaged on the way? Ask for a new export job, or download the blobs you are missing.",
  progressHeading: "Progress",
  percentSentence: (p) => `Copied so far: about ${p} of the job.`,
  copySkipped: "The job was cancelled, so its copy was skipped.",
  withinTheHour: "within the hour",
  deadlinesHeading: "Deadlines",
  deadlines: {
    creatingExpires: {
      upcoming: (at, remaining) =>
        html`Send your drives and set the job to Shipping by ${at} (${remaining}). A job that stays
        in Creating for 14 days is deleted; each update to the job starts the 14 days again.`,
      passed: (at) =>
        html`This job stayed in Creating past ${at}, the end of its 14 days: it is being deleted.`,
    },
    packageDue: {
      upcoming: (at, remaining) =>
        html`We expect your package by ${at} (${remaining}). After that, any drive still missing is
        marked Never received and our operations team is alerted.`,
      passed: (at) =>
        html`We expected your package by ${at} and it is not here. Our operations team will tell
        you, and then, depending on your answer, wait longer for it or cancel the job.`,
    },
    answerMissingPackage: {
      upcoming: (at, remaining) =>
        html`Your package has not reached us: please get in touch. If we have not heard from you by
        ${at} (${remaining}), the job is closed.`,
      passed: (at) =>
        html`Your package never reached us and we had no word from you by ${at}: the job goes
        straight from Shipping to Closed.`,
    },
    packageWaitExtended: {
      upcoming: (at, remaining) =>
        html`As agreed with you, we keep waiting for your package until ${at} (${remaining}).`,
      passed: (at) =>
        html`We waited for your package until ${at}, as agreed, and it has not come: please get in
        touch.`,
    },
    returnAddressDestruction: {
      upcoming: (at, remaining) =>
        html`We need a correct return address by ${at} (${remaining}). Without one, the drives are
        securely destroyed.`,
      passed: (at) =>
        html`No correct return address reached us by ${at}: the drives are securely destroyed.`,
    },
    deletion: {
      upcoming: (at, remaining) =>
        html`On ${at} (${remaining}), 90 days after the job ended, the job and this page are
        deleted.`,
      passed: (at) =>
        html`The job's 90 days ran out on ${at}: it is about to be deleted, and this page with it.`,
    },
  },
  drivesHeading: "Drives",
  noDrives: "No drive is recorded for this job yet.",
  driveCopied: (id) => `Copy progress of drive ${id}`,
  driveStatesLegend: "What these drive states mean",
  extraDrive: "Extra drive",
  extraDriveMeaning:
    "This drive came in your package but is not on the job's list. We do not copy it; it goes back to you with the job's other drives.",
  exportDriveStates: EXPORT_DRIVE_WORDING.en,
  errorLog: "Error log",
  verboseLog: "Verbose log",
  noLogs: "No log yet.",
  historyHeading: "History",
  noHistory: "No change of state recorded yet.",
  trackingHeading: "Packages and tracking",
  deliveryPackage: "Your package to the datacenter",
  returnPackages: "Drives shipped back to you",
  noTracking: "No tracking number yet.",
  opensCarrierPage: (carrier) => `(opens the ${carrier} tracking page)`,
  readOnly:
    "This page is read-only. It shows your job as it was when the page was loaded: reload it to see the latest state.",
  timesInUtc: "Times are in UTC.",
  generatedAt: (at) => html`Page loaded ${at}.`,
  jobStates: JOB_STATE_WORDING.en,
  driveStates: DRIVE_STATE_WORDING.en,
  notFoundTitle: "Page not found",
  notFoundBody:
    "There is no status page at this address. Check the link you were given, or ask the person who sent it to you for a new one.",
  rateLimitedTitle: "Too many requests",
  rateLimitedBody: (s) =>
    `This page was requested too often from your address. Try again in ${s} second${s === 1 ? "" : "s"}.`,
};

const fr: Messages = {
  service: "Service d’import/export de disques",
  htmlTitle: (name) => `Travail ${name}${NB}: état`,
  languageNav: "Langue",
  jobType: { Import: "Travail d’importation", Export: "Travail d’exportation" },
  stateHeading: "État actuel",
  apiState: `État dans l’API${NB}:`,
  nextHeading: "Et ensuite",
  cancelled: `Ce travail a été annulé, à votre demande ou par notre équipe des opérations. Rien n’est copié, et tout disque arrivé chez nous vous est renvoyé.`,
  cancelledMeaning: {
    Packaging: `Le travail a été annulé, aucune copie n’a donc été faite${NB}: il reste en Packaging le temps de préparer le retour des disques arrivés chez nous.`,
    Closed: `Le travail a été annulé. Un travail annulé se termine toujours en Closed, même si rien d’autre ne s’est mal passé.`,
  },
  cancelledNext: `Un travail annulé saute seulement la copie${NB}: il suit les étapes habituelles et passe en Closed dès que tous les disques arrivés chez nous sont repartis vers vous.`,
  exportReturnAdvice: `Vos disques ne sont pas encore arrivés à l’adresse de retour${NB}? Regardez d’abord les numéros de suivi ci-dessous${NB}: une fois un disque expédié, c’est le transporteur qui peut le retrouver. Un disque abîmé pendant le transport${NB}? Demandez un nouveau travail d’exportation, ou téléchargez les blobs qui vous manquent.`,
  progressHeading: "Progression",
  percentSentence: (p) => `Copié à ce jour${NB}: environ ${p} du travail.`,
  copySkipped: `Le travail a été annulé${NB}: sa copie n’a pas eu lieu.`,
  withinTheHour: "dans l’heure",
  deadlinesHeading: "Échéances",
  deadlines: {
    creatingExpires: {
      upcoming: (at, remaining) =>
        html`Envoyez vos disques et passez le travail en Shipping d’ici le ${at} (${remaining}). Un
        travail qui reste 14 jours en Creating est supprimé${NB}; chaque modification du travail
        relance ces 14 jours.`,
      passed: (at) =>
        html`Ce travail est resté en Creating au-delà du ${at}, fin de ses 14 jours${NB}: il est en
        cours de suppression.`,
    },
    packageDue: {
      upcoming: (at, remaining) =>
        html`Nous attendons votre colis d’ici le ${at} (${remaining}). Passé ce délai, les disques
        toujours absents passeront à l’état «${NB}jamais reçu${NB}» et notre équipe des opérations
        sera alertée.`,
      passed: (at) =>
        html`Nous attendions votre colis au plus tard le ${at} et il n’est pas là. Notre équipe des
        opérations va vous prévenir puis, selon votre réponse, l’attendre plus longtemps ou annuler
        le travail.`,
    },
    answerMissingPackage: {
      upcoming: (at, remaining) =>
        html`Votre colis ne nous est pas parvenu${NB}: merci de nous contacter. Sans nouvelles de
        votre part avant le ${at} (${remaining}), le travail sera fermé.`,
      passed: (at) =>
        html`Votre colis ne nous est jamais parvenu et nous n’avons pas eu de nouvelles de vous
        avant le ${at}${NB}: le travail passe directement de Shipping à Closed.`,
    },
    packageWaitExtended: {
      upcoming: (at, remaining) =>
        html`Comme convenu avec vous, nous attendons votre colis jusqu’au ${at} (${remaining}).`,
      passed: (at) =>
        html`Nous avons attendu votre colis jusqu’au ${at}, comme convenu, et il n’est pas
        arrivé${NB}: merci de nous contacter.`,
    },
    returnAddressDestruction: {
      upcoming: (at, remaining) =>
        html`Il nous faut une adresse de retour correcte d’ici le ${at} (${remaining}). Sans elle,
        les disques seront détruits de façon sécurisée.`,
      passed: (at) =>
        html`Aucune adresse de retour correcte ne nous est parvenue avant le ${at}${NB}: les disques
        sont détruits de façon sécurisée.`,
    },
    deletion: {
      upcoming: (at, remaining) =>
        html`Le ${at} (${remaining}), 90 jours après la fin du travail, le travail et cette page
        seront supprimés.`,
      passed: (at) =>
        html`Les 90 jours du travail ont pris fin le ${at}${NB}: il va être supprimé, et cette page
        avec lui.`,
    },
  },
  drivesHeading: "Disques",
  noDrives: "Aucun disque n’est encore enregistré pour ce travail.",
  driveCopied: (id) => `Progression de la copie du disque ${id}`,
  driveStatesLegend: "Ce que veulent dire ces états de disque",
  extraDrive: "Disque supplémentaire",
  extraDriveMeaning: `Ce disque est arrivé dans votre colis mais ne figure pas sur la liste du travail. Nous ne le copions pas${NB}; il vous revient avec les autres disques du travail.`,
  exportDriveStates: EXPORT_DRIVE_WORDING.fr,
  errorLog: "Journal d’erreurs",
  verboseLog: "Journal détaillé",
  noLogs: "Pas encore de journal.",
  historyHeading: "Historique",
  noHistory: "Aucun changement d’état enregistré pour l’instant.",
  trackingHeading: "Colis et suivi",
  deliveryPackage: "Votre colis vers le centre de données",
  returnPackages: "Disques qui vous sont renvoyés",
  noTracking: "Pas encore de numéro de suivi.",
  opensCarrierPage: (carrier) => `(ouvre la page de suivi ${carrier})`,
  readOnly: `Cette page est en lecture seule. Elle montre votre travail tel qu’il était au chargement de la page${NB}: rechargez-la pour voir le dernier état.`,
  timesInUtc: "Les heures sont en UTC.",
  generatedAt: (at) => html`Page chargée le ${at}.`,
  jobStates: JOB_STATE_WORDING.fr,
  driveStates: DRIVE_STATE_WORDING.fr,
  notFoundTitle: "Page introuvable",
  notFoundBody:
    "Il n’existe aucune page d’état à cette adresse. Vérifiez le lien que vous avez reçu, ou demandez-en un nouveau à la personne qui vous l’a envoyé.",
  rateLimitedTitle: "Trop de requêtes",
  rateLimitedBody: (s) =>
    `Cette page a été demandée trop souvent depuis votre adresse. Réessayez dans ${s} seconde${s > 1 ? "s" : ""}.`,
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, fr };

export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** The name of each language in itself, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { en: "English", fr: "Français" };
