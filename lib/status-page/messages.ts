import type { CustomerDeadlineKind } from "@/lib/domain/customer-deadlines.ts";
import type { DriveState, JobState, JobType } from "@/lib/domain/states.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Lang } from "./locale.ts";

/**
 * Every sentence of the customer's status page, in English and French. The explanations of the
 * states are the seed document's own sentences ("Retrieving state information for an
 * Import/Export job", seeds/000_10af9b14976b0bc1.txt), in both of its languages; only "Windows
 * Azure Storage" became "storage", since the service here is ours. Ours too: the deadlines, what
 * a cancelled job means (R-J14), and an export's direction of copy (R-D6), where the seed's
 * sentences, written for an import, would tell the customer something false. French puts a
 * no-break space (\u00a0) before : ; ? and ! (messages.test.ts checks every sentence).
 */
export type StateText = {
  /** A short name for the state, in the reader's language. */
  label: string;
  /** What the state means (R-G1, R-G3). */
  meaning: string;
};

export type JobStateText = StateText & {
  /** What happens next, from the seed's tables. */
  next: string;
};

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
  /** R-J14: the state's meaning where the seed's sentence is false of a cancelled job. */
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

const en: Messages = {
  service: "Drive import/export service",
  htmlTitle: (name) => `Job ${name}: status`,
  languageNav: "Language",
  jobType: { Import: "Import job", Export: "Export job" },
  stateHeading: "Current state",
  apiState: "State in the API:",
  nextHeading: "What happens next",
  cancelled:
    "This job was cancelled at your request (or by operations): its data is not copied; drives we received are shipped back to you.",
  cancelledMeaning: {
    Packaging:
      "A cancelled job skips the data copy step: the job stays in the Packaging state until the drives we received are shipped back to you.",
    Closed: "A cancelled job ends in the Closed state, whether or not there were errors.",
  },
  cancelledNext:
    "A cancelled job skips the data copy step, but otherwise it follows the same state transitions as a job that was not cancelled: once the drives we received have been shipped back to you, the job will be set to the Closed state.",
  exportReturnAdvice:
    "If the drives do not reach the return address, first check on this page that the drives have been shipped. If the drives have been shipped, contact the shipping provider to try and locate the drives. If the drives are damaged during shipment, you may want to request another export job, or download the missing blobs.",
  progressHeading: "Progress",
  percentSentence: (p) => `About ${p} of the job is complete.`,
  copySkipped: "Copy skipped: the job was cancelled.",
  withinTheHour: "within the hour",
  deadlinesHeading: "Deadlines",
  deadlines: {
    creatingExpires: {
      upcoming: (at, remaining) =>
        html`Ship your drives and set the job to Shipping by ${at} (${remaining}): a job may remain
        in the Creating state for up to two weeks, after which it is automatically deleted. Updating
        the job's properties resets the timeout to two weeks.`,
      passed: (at) =>
        html`This job's two weeks in the Creating state ended on ${at}: the service deletes it
        automatically.`,
    },
    packageDue: {
      upcoming: (at, remaining) =>
        html`If your package has not arrived by ${at} (${remaining}), the drives not received are
        marked NeverReceived and the service operators are notified.`,
      passed: (at) =>
        html`Your package was due by ${at} and has not arrived. The operations team will notify you
        of the missing package and, based on your response, either extend the interval to wait for
        it or cancel the job.`,
    },
    answerMissingPackage: {
      upcoming: (at, remaining) =>
        html`Your package has not arrived: please contact us. With no answer by ${at}
        (${remaining}), the job is closed (Closed).`,
      passed: (at) =>
        html`Your package has not arrived and we had no answer by ${at}: the job moves from Shipping
        directly to Closed.`,
    },
    packageWaitExtended: {
      upcoming: (at, remaining) => html`We wait for your package until ${at} (${remaining}).`,
      passed: (at) =>
        html`We waited for your package until ${at} and it has not arrived: please contact us.`,
    },
    returnAddressDestruction: {
      upcoming: (at, remaining) =>
        html`Send us a correct return address by ${at} (${remaining}), or the drives are securely
        destroyed.`,
      passed: (at) =>
        html`We had no correct return address by ${at}: the drives are securely destroyed.`,
    },
    deletion: {
      upcoming: (at, remaining) =>
        html`This job, and this page, will be automatically deleted on ${at} (${remaining}), 90 days
        after the job ended.`,
      passed: (at) =>
        html`This job reached its 90 days on ${at}: it is about to be deleted, with this page.`,
    },
  },
  drivesHeading: "Drives",
  noDrives: "No drive is recorded for this job yet.",
  driveCopied: (id) => `Copy progress of drive ${id}`,
  driveStatesLegend: "What these drive states mean",
  extraDrive: "Extra drive",
  extraDriveMeaning:
    "This drive was not in the job's drive list. The extra drives will not be processed, and will be returned to you when the job is completed.",
  exportDriveStates: {
    Received:
      "For an export job, the initial drive state is the Received state: the service has your drive, and will copy your data from storage to it.",
    Transferring:
      "A drive will move to the Transferring state when the service begins to transfer data from storage to the drive.",
  },
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
  jobStates: {
    Creating: {
      label: "Creating",
      meaning:
        "After you call the Put Job operation, a job is created and its state is set to Creating. While the job is in the Creating state, the Import/Export service assumes the drives have not been shipped to the data center.",
      next: "A job may remain in the Creating state for up to two weeks, after which it is automatically deleted by the service. If you call the Update Job Properties operation while the job is in the Creating state, the job remains in the Creating state, and the timeout interval is reset to two weeks. After you ship your package, you should call the Update Job Properties operation to update the state of the job to Shipping.",
    },
    Shipping: {
      label: "Shipping",
      meaning:
        "After you ship your package, you call the Update Job Properties operation to update the state of the job to Shipping. The shipping state can be set only if the DeliveryPackage (postal carrier and tracking number) and the ReturnAddress properties have been set for the job.",
      next: "The job will remain in the Shipping state for up to two weeks. If two weeks have passed and the drives have not been received, the Import/Export service operators will be notified. After all drives have been received at the data center, the job state will be set to the Received state.",
    },
    Received: {
      label: "Received",
      meaning:
        "After all drives have been received at the data center, the job state will be set to the Received state.",
      next: "After the drives have been received at the data center and at least one drive has begun processing, the job state will be set to the Transferring state.",
    },
    Transferring: {
      label: "Transferring",
      meaning:
        "After the drives have been received at the data center and at least one drive has begun processing, the job state will be set to the Transferring state. See the drives below for detailed information.",
      next: "After all drives have completed processing, the job will be placed in the Packaging state until the drives are shipped back to the customer.",
    },
    Packaging: {
      label: "Packaging",
      meaning:
        "After all drives have completed processing, the job will be placed in the Packaging state until the drives are shipped back to the customer.",
      next: "After all drives have been shipped back to the customer, if the job has completed without errors, then the job will be set to the Completed state. If there have been any errors during the processing of the job, then the job will be set to the Closed state.",
    },
    Completed: {
      label: "Completed",
      meaning:
        "After all drives have been shipped back to the customer, if the job has completed without errors, then the job will be set to the Completed state.",
      next: "The job will be automatically deleted after 90 days in the Completed state.",
    },
    Closed: {
      label: "Closed",
      meaning:
        "After all drives have been shipped back to the customer, if there have been any errors during the processing of the job, then the job will be set to the Closed state.",
      next: "The job will be automatically deleted after 90 days in the Closed state.",
    },
    Faulted: {
      label: "Faulted",
      meaning:
        "When a job or drive fails to progress normally through its expected life cycle, the job or drive will be moved into a Faulted state.",
      next: "At that point, the operations team will contact the customer by email or phone. Once the issue is resolved, the faulted job or drive will be taken out of the Faulted state and moved into the appropriate state.",
    },
  },
  driveStates: {
    Specified: {
      label: "Specified",
      meaning:
        "For an import job, when the job is created with the Put Job operation, the initial state for a drive is the Specified state.",
    },
    Received: {
      label: "Received",
      meaning:
        "The drive transitions to the Received state when the Import/Export service operator has processed the drives that were received from the shipping company for an import job. For an export job, the initial drive state is the Received state.",
    },
    NeverReceived: {
      label: "Never received",
      meaning:
        "The drive will move to the NeverReceived state when the package for a job arrives but the package doesn't contain the drive. A drive can also move into this state if it has been two weeks since the service received the shipping information, but the package has not yet arrived at the data center.",
    },
    Transferring: {
      label: "Transferring",
      meaning:
        "A drive will move to the Transferring state when the service begins to transfer data from the drive to storage.",
    },
    Completed: {
      label: "Completed",
      meaning:
        "A drive will move to the Completed state when the service has successfully transferred all the data with no errors.",
    },
    CompletedMoreInfo: {
      label: "Completed, more information",
      meaning:
        "A drive will move to the CompletedMoreInfo state when the service has encountered some issues while copying data either from or to the drive. The information can include errors, warnings, or informational messages about overwriting blobs.",
    },
    ShippedBack: {
      label: "Shipped back",
      meaning:
        "The drive will move to the ShippedBack state when it has been shipped from the data center back to the return address.",
    },
    Faulted: {
      label: "Faulted",
      meaning:
        "When a job or drive fails to progress normally through its expected life cycle, the job or drive will be moved into a Faulted state. At that point, the operations team will contact the customer by email or phone.",
    },
  },
  notFoundTitle: "Page not found",
  notFoundBody:
    "There is no status page at this address. Check the link you were given, or ask the person who sent it to you for a new one.",
  rateLimitedTitle: "Too many requests",
  rateLimitedBody: (s) =>
    `This page was requested too often from your address. Try again in ${s} second${s === 1 ? "" : "s"}.`,
};

const fr: Messages = {
  service: "Service d’import/export de disques",
  htmlTitle: (name) => `Travail ${name}\u00a0: état`,
  languageNav: "Langue",
  jobType: { Import: "Travail d’importation", Export: "Travail d’exportation" },
  stateHeading: "État actuel",
  apiState: "État dans l’API\u00a0:",
  nextHeading: "Étapes suivantes",
  cancelled:
    "Ce travail a été annulé à votre demande (ou par l’équipe des opérations)\u00a0: ses données ne sont pas copiées\u00a0; les disques que nous avons reçus vous sont renvoyés.",
  cancelledMeaning: {
    Packaging:
      "Un travail annulé ignore l’étape de copie des données\u00a0: le travail reste dans l’état Packaging jusqu’à ce que les disques que nous avons reçus vous soient renvoyés.",
    Closed: "Un travail annulé se termine dans l’état Closed, qu’il y ait eu des erreurs ou non.",
  },
  cancelledNext:
    "Un travail annulé ignore l’étape de copie des données, mais il passe quand même par toutes les étapes d’un travail qui n’a pas été annulé\u00a0: une fois que les disques que nous avons reçus vous auront été renvoyés, le travail passera à l’état Closed.",
  exportReturnAdvice:
    "Si les disques renvoyés n’atteignent pas leur destination, vérifiez d’abord sur cette page que les disques ont été expédiés. Si les disques ont été expédiés, contactez le fournisseur d’expédition pour essayer de localiser les disques. Si les disques sont endommagés pendant l’expédition, vous pouvez demander un autre travail d’exportation ou télécharger les blobs manquants.",
  progressHeading: "Progression",
  percentSentence: (p) => `Environ ${p} du travail est terminé.`,
  copySkipped: "Copie ignorée\u00a0: le travail a été annulé.",
  withinTheHour: "dans l’heure",
  deadlinesHeading: "Échéances",
  deadlines: {
    creatingExpires: {
      upcoming: (at, remaining) =>
        html`Expédiez vos disques et passez le travail à l’état Shipping d’ici le ${at}
        (${remaining}) : un travail peut rester dans l’état Creating pendant deux semaines maximum.
        Passé ce délai, il est automatiquement supprimé. Mettre à jour les propriétés du travail
        réinitialise le délai d’expiration à deux semaines.`,
      passed: (at) =>
        html`Les deux semaines de ce travail dans l’état Creating ont pris fin le ${at} : le service
        va le supprimer automatiquement.`,
    },
    packageDue: {
      upcoming: (at, remaining) =>
        html`Si votre colis n’est pas arrivé d’ici le ${at} (${remaining}), les disques non reçus
        passeront à l’état NeverReceived et les opérateurs du service seront notifiés.`,
      passed: (at) =>
        html`Votre colis était attendu au plus tard le ${at} et n’est toujours pas arrivé. L’équipe
        des opérations vous informera que le colis est manquant et, en fonction de votre réponse,
        étendra le délai d’attente du colis ou annulera le travail.`,
    },
    answerMissingPackage: {
      upcoming: (at, remaining) =>
        html`Votre colis n’est pas arrivé : contactez-nous. Sans réponse de votre part avant le
        ${at} (${remaining}), le travail sera fermé (Closed).`,
      passed: (at) =>
        html`Votre colis n’est pas arrivé et nous n’avons pas eu de réponse avant le ${at} : le
        travail passe directement de l’état Shipping à l’état Closed.`,
    },
    packageWaitExtended: {
      upcoming: (at, remaining) => html`Nous attendons votre colis jusqu’au ${at} (${remaining}).`,
      passed: (at) =>
        html`Nous avons attendu votre colis jusqu’au ${at} et il n’est pas arrivé : contactez-nous.`,
    },
    returnAddressDestruction: {
      upcoming: (at, remaining) =>
        html`Envoyez-nous une adresse de retour correcte d’ici le ${at} (${remaining}), sinon les
        disques seront détruits de manière sécurisée.`,
      passed: (at) =>
        html`Nous n’avons pas reçu d’adresse de retour correcte avant le ${at} : les disques sont
        détruits de manière sécurisée.`,
    },
    deletion: {
      upcoming: (at, remaining) =>
        html`Ce travail, et cette page, seront automatiquement supprimés le ${at} (${remaining}), 90
        jours après la fin du travail.`,
      passed: (at) =>
        html`Ce travail a atteint ses 90 jours le ${at} : il va être supprimé, avec cette page.`,
    },
  },
  drivesHeading: "Disques",
  noDrives: "Aucun disque n’est encore enregistré pour ce travail.",
  driveCopied: (id) => `Progression de la copie du disque ${id}`,
  driveStatesLegend: "Signification de ces états de disque",
  extraDrive: "Disque supplémentaire",
  extraDriveMeaning:
    "Ce disque n’apparaît pas dans la liste des disques du travail. Les disques supplémentaires ne seront pas traités et vous seront renvoyés lorsque le travail sera terminé.",
  exportDriveStates: {
    Received:
      "Pour un travail d’exportation, l’état initial du disque est l’état Received\u00a0: le service a reçu votre disque et y copiera vos données depuis le stockage.",
    Transferring:
      "Un disque passe à l’état Transferring lorsque le service commence à transférer les données du stockage vers le disque.",
  },
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
  readOnly:
    "Cette page est en lecture seule. Elle montre votre travail tel qu’il était au chargement de la page\u00a0: rechargez-la pour voir le dernier état.",
  timesInUtc: "Les heures sont en UTC.",
  generatedAt: (at) => html`Page chargée le ${at}.`,
  jobStates: {
    Creating: {
      label: "Création",
      meaning:
        "Après avoir appelé l’opération Put Job, un travail est créé et son état est défini sur Creating. Pendant que le travail se trouve dans l’état Creating, le service Import/Export suppose que les disques n’ont pas été expédiés au centre de données.",
      next: "Un travail peut rester dans l’état Creating pendant deux semaines maximum. Passé ce délai, il est automatiquement supprimé par le service. Si vous appelez l’opération Update Job Properties pendant que le travail est dans l’état Creating, le travail reste dans l’état Creating et le délai d’expiration est réinitialisé à deux semaines. Après avoir expédié votre colis, vous devez appeler l’opération Update Job Properties pour mettre à jour l’état du travail en Shipping.",
    },
    Shipping: {
      label: "Expédition",
      meaning:
        "Après avoir expédié votre colis, vous appelez l’opération Update Job Properties pour mettre à jour l’état du travail en Shipping. L’état d’expédition peut être défini uniquement si les propriétés DeliveryPackage (transporteur et numéro de suivi) et ReturnAddress ont été définies pour le travail.",
      next: "Le travail restera dans l’état Expédition pendant deux semaines maximum. Si deux semaines se sont écoulées et si les disques n’ont pas été reçus, les opérateurs du service Import/Export sont notifiés. Lorsque tous les disques ont été reçus dans le centre de données, l’état du travail est défini sur Reçu.",
    },
    Received: {
      label: "Reçu",
      meaning:
        "Lorsque tous les disques ont été reçus dans le centre de données, l’état du travail est défini sur Reçu.",
      next: "Lorsque les disques ont été reçus dans le centre de données, et qu’au moins un disque a commencé à être traité, l’état du travail est défini sur Transferring.",
    },
    Transferring: {
      label: "Transfert",
      meaning:
        "Lorsque les disques ont été reçus dans le centre de données, et qu’au moins un disque a commencé à être traité, l’état du travail est défini sur Transferring. Pour plus d’informations, consultez les disques ci-dessous.",
      next: "Une fois le traitement terminé pour tous les disques, le travail est défini sur l’état Packaging jusqu’à ce que les disques soient renvoyés au client.",
    },
    Packaging: {
      label: "Emballage",
      meaning:
        "Une fois le traitement terminé pour tous les disques, le travail est défini sur l’état Packaging jusqu’à ce que les disques soient renvoyés au client.",
      next: "Une fois que tous les disques ont été renvoyés au client, si le travail s’est terminé sans erreur, son état est défini sur Completed. Si des erreurs sont survenues pendant le traitement du travail, son état est défini sur Closed.",
    },
    Completed: {
      label: "Terminé",
      meaning:
        "Une fois que tous les disques ont été renvoyés au client, si le travail s’est terminé sans erreur, son état est défini sur Completed.",
      next: "Le travail est automatiquement supprimé au bout de 90 jours dans l’état Completed.",
    },
    Closed: {
      label: "Fermé",
      meaning:
        "Une fois que tous les disques ont été renvoyés au client, si des erreurs sont survenues pendant le traitement du travail, son état est défini sur Closed.",
      next: "Le travail est automatiquement supprimé au bout de 90 jours dans l’état Closed.",
    },
    Faulted: {
      label: "En échec",
      meaning:
        "Lorsqu’un travail ou un disque rencontre un échec au cours de son cycle de vie, le travail ou le disque est placé dans un état Faulted.",
      next: "À ce stade, l’équipe des opérations contacte le client par e-mail ou par téléphone. Une fois que le problème est résolu, l’état Faulted du travail ou du disque ayant rencontré un échec est remplacé par l’état approprié.",
    },
  },
  driveStates: {
    Specified: {
      label: "Spécifié",
      meaning:
        "Pour un travail d’importation, lorsque le travail est créé avec l’opération Put Job, l’état initial d’un disque est l’état Specified.",
    },
    Received: {
      label: "Reçu",
      meaning:
        "Le disque passe à l’état Received une fois que l’opérateur du service Import/Export a traité les disques reçus de l’entreprise de transport pour un travail d’importation. Pour un travail d’exportation, l’état initial du disque est l’état Received.",
    },
    NeverReceived: {
      label: "Jamais reçu",
      meaning:
        "Le disque passe à l’état NeverReceived lorsque le colis associé à un travail est arrivé, mais ne contient pas le disque. Un disque peut également passer à cet état si le colis n’est toujours pas arrivé au centre de données deux semaines après réception des informations d’expédition par le service.",
    },
    Transferring: {
      label: "Transfert",
      meaning:
        "Un disque passe à l’état Transferring lorsque le service commence à transférer les données du disque au stockage.",
    },
    Completed: {
      label: "Terminé",
      meaning:
        "Un disque passe à l’état Completed lorsque le service a transféré toutes les données sans erreurs.",
    },
    CompletedMoreInfo: {
      label: "Terminé, informations supplémentaires",
      meaning:
        "Un disque passe à l’état CompletedMoreInfo lorsque le service a rencontré des erreurs pendant la copie des données à partir du disque ou sur celui-ci. Les informations peuvent inclure des erreurs, des avertissements ou des messages d’informations sur le remplacement des blobs.",
    },
    ShippedBack: {
      label: "Renvoyé",
      meaning:
        "Le disque passe à l’état ShippedBack lorsqu’il a été renvoyé du centre de données à l’adresse de retour.",
    },
    Faulted: {
      label: "En échec",
      meaning:
        "Lorsqu’un travail ou un disque rencontre un échec au cours de son cycle de vie, le travail ou le disque est placé dans un état Faulted. À ce stade, l’équipe des opérations contacte le client par e-mail ou par téléphone.",
    },
  },
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
