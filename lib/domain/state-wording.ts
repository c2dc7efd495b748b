import type { DriveState, JobState } from "./states.ts";

/**
 * What each job and drive state means, in Dockside's own words, in English and in French: the one
 * source the console (JOB_STATE_DESCRIPTIONS in states.ts) and the customer's status page
 * (lib/status-page/messages.ts) both read. The facts and the timers are the rules' (docs/domain.md:
 * R-J1..R-J14, R-D1..R-D11, R-F1..R-F3); the sentences are ours, never the seed document's
 * (a unit test fails if eight words in a row of the seed appear here).
 *
 * `meaning` says what is true of a job or drive in that state, without "you": the console shows
 * it to the staff, the status page to the customer. `next` (jobs only) speaks to the customer.
 * French puts a no-break space (\u00a0) before : ; ? and !.
 */
export const WORDING_LANGS = ["en", "fr"] as const;
export type WordingLang = (typeof WORDING_LANGS)[number];

export type StateWording = {
  /** A short name for the state, in the reader's language. */
  label: string;
  /** What the state means (R-G1, R-G3). */
  meaning: string;
};

export type JobStateWording = StateWording & {
  /** What happens next, with its timers. */
  next: string;
};

const NB = "\u00a0";

export const JOB_STATE_WORDING: Readonly<
  Record<WordingLang, Readonly<Record<JobState, JobStateWording>>>
> = {
  en: {
    Creating: {
      label: "Creating",
      meaning:
        "The job is registered. Until it is set to Shipping, we take it that its drives are still with their owner.",
      next: "Send the drives, then set the job to Shipping, giving the carrier, the tracking number and a return address. A job left in Creating for 14 days (counted from its creation or its latest update) is deleted; every update starts those 14 days again.",
    },
    Shipping: {
      label: "Shipping",
      meaning:
        "The package is on its way to the datacenter. A job only gets here once its package (carrier and tracking number) and its return address are known.",
      next: "We look out for the package. If it has not turned up 14 days after the shipping details were given, the operations team is alerted and the drives still missing are marked Never received. Once every drive on the list is accounted for, the job moves to Received.",
    },
    Received: {
      label: "Received",
      meaning:
        "Every drive on the job's list is accounted for: checked in at the datacenter, or recorded as never received. No copy has started yet.",
      next: "The copy starts with the first drive a copy station picks up; the job then moves to Transferring.",
    },
    Transferring: {
      label: "Transferring",
      meaning:
        "The drives are in and at least one of them is being copied. Each drive shows where it stands.",
      next: "When the last drive has finished its copy, the job moves to Packaging and its drives are made ready to leave.",
    },
    Packaging: {
      label: "Packaging",
      meaning:
        "Every drive has finished its copy. The drives, and any extra drive that came in the package, are being made ready to go back.",
      next: "The job ends when the last of those drives has left: Completed if nothing went wrong, Closed if there were errors (a copy with errors, a drive that never came, a cancellation).",
    },
    Completed: {
      label: "Completed",
      meaning: "Every drive has gone back to the return address and the job ended without errors.",
      next: "The job, and its status page, are kept for 90 days after it completed, then deleted.",
    },
    Closed: {
      label: "Closed",
      meaning:
        "The job has ended and no drive is left at the datacenter, but not everything went as asked: a copy had errors, a drive never came, the package never arrived, or the job was cancelled.",
      next: "The job, and its status page, are kept for 90 days from the day it closed, then deleted.",
    },
    Faulted: {
      label: "Faulted",
      meaning: "Something stopped the job from moving on the way it should.",
      next: "Our operations team gets in touch by email or by phone. Once the problem is sorted out, the job goes back to the step that fits where its drives are.",
    },
  },
  fr: {
    Creating: {
      label: "Création",
      meaning: `Le travail est enregistré. Tant qu’il n’est pas passé en Shipping, nous considérons que ses disques sont encore chez leur propriétaire.`,
      next: `Envoyez les disques, puis passez le travail en Shipping en indiquant le transporteur, le numéro de suivi et une adresse de retour. Un travail laissé 14 jours en Creating (à compter de sa création ou de sa dernière modification) est supprimé${NB}; chaque modification relance ces 14 jours.`,
    },
    Shipping: {
      label: "Expédition",
      meaning: `Le colis est en route vers le centre de données. Un travail n’arrive ici qu’une fois connus son colis (transporteur et numéro de suivi) et son adresse de retour.`,
      next: `Nous guettons le colis. S’il n’est pas là 14 jours après la communication des informations d’expédition, l’équipe des opérations est alertée et les disques toujours absents sont marqués «${NB}jamais reçus${NB}». Dès que chaque disque de la liste est fixé sur son sort, le travail passe en Received.`,
    },
    Received: {
      label: "Reçu",
      meaning: `Chaque disque de la liste du travail est fixé sur son sort${NB}: enregistré à son arrivée au centre de données, ou déclaré jamais reçu. Aucune copie n’a encore commencé.`,
      next: `La copie démarre avec le premier disque pris en charge par une station de copie${NB}; le travail passe alors en Transferring.`,
    },
    Transferring: {
      label: "Transfert",
      meaning: `Les disques sont arrivés et la copie d’au moins l’un d’eux est en cours. Chaque disque indique où il en est.`,
      next: `Quand le dernier disque a fini sa copie, le travail passe en Packaging et ses disques sont préparés pour repartir.`,
    },
    Packaging: {
      label: "Emballage",
      meaning: `Tous les disques ont fini leur copie. Les disques, ainsi que tout disque supplémentaire arrivé dans le colis, sont préparés pour le retour.`,
      next: `Le travail se termine quand le dernier de ces disques est parti${NB}: Completed si tout s’est bien passé, Closed s’il y a eu des erreurs (une copie en erreur, un disque jamais arrivé, une annulation).`,
    },
    Completed: {
      label: "Terminé",
      meaning: `Tous les disques sont repartis vers l’adresse de retour et le travail s’est terminé sans erreur.`,
      next: `Le travail et sa page de suivi sont conservés 90 jours après sa fin, puis supprimés.`,
    },
    Closed: {
      label: "Fermé",
      meaning: `Le travail est terminé et plus aucun disque n’est au centre de données, mais tout ne s’est pas passé comme prévu${NB}: une copie a eu des erreurs, un disque n’est jamais arrivé, le colis n’est jamais parvenu, ou le travail a été annulé.`,
      next: `Le travail et sa page de suivi sont conservés 90 jours à compter de sa fermeture, puis supprimés.`,
    },
    Faulted: {
      label: "En échec",
      meaning: `Un problème empêche le travail d’avancer normalement.`,
      next: `Notre équipe des opérations prend contact par e-mail ou par téléphone. Une fois le problème réglé, le travail reprend à l’étape qui correspond à l’état de ses disques.`,
    },
  },
};

export const DRIVE_STATE_WORDING: Readonly<
  Record<WordingLang, Readonly<Record<DriveState, StateWording>>>
> = {
  en: {
    Specified: {
      label: "Specified",
      meaning: "On the import job's list of drives, and not at the datacenter yet.",
    },
    Received: {
      label: "Received",
      meaning:
        "Unpacked at the datacenter and checked in, waiting for its copy. An export job's drives start here.",
    },
    NeverReceived: {
      label: "Never received",
      meaning:
        "Not here: its package came without it, or the package itself was still missing 14 days after the shipping details were given.",
    },
    Transferring: {
      label: "Transferring",
      meaning: "Being copied now, from the drive into storage.",
    },
    Completed: {
      label: "Completed",
      meaning: "Copy finished cleanly: no errors, no warnings, no blob overwritten.",
    },
    CompletedMoreInfo: {
      label: "Completed, more information",
      meaning:
        "Copy finished, with something to read in the drive's log: errors, warnings, or notes about blobs that were overwritten.",
    },
    ShippedBack: {
      label: "Shipped back",
      meaning: "Sent from the datacenter to the return address.",
    },
    Faulted: {
      label: "Faulted",
      meaning:
        "Something stopped this drive from moving on the way it should; our operations team gets in touch by email or by phone.",
    },
  },
  fr: {
    Specified: {
      label: "Spécifié",
      meaning: `Inscrit sur la liste des disques du travail d’importation, pas encore au centre de données.`,
    },
    Received: {
      label: "Reçu",
      meaning: `Déballé et enregistré au centre de données, en attente de sa copie. Les disques d’un travail d’exportation commencent ici.`,
    },
    NeverReceived: {
      label: "Jamais reçu",
      meaning: `Absent${NB}: son colis est arrivé sans lui, ou le colis lui-même manquait encore 14 jours après la communication des informations d’expédition.`,
    },
    Transferring: {
      label: "Transfert",
      meaning: `En cours de copie, du disque vers le stockage.`,
    },
    Completed: {
      label: "Terminé",
      meaning: `Copie terminée sans accroc${NB}: ni erreur, ni avertissement, aucun blob remplacé.`,
    },
    CompletedMoreInfo: {
      label: "Terminé, informations supplémentaires",
      meaning: `Copie terminée, avec des choses à lire dans le journal du disque${NB}: des erreurs, des avertissements, ou des notes sur des blobs remplacés.`,
    },
    ShippedBack: {
      label: "Renvoyé",
      meaning: `Parti du centre de données vers l’adresse de retour.`,
    },
    Faulted: {
      label: "En échec",
      meaning: `Un problème empêche ce disque d’avancer normalement${NB}; notre équipe des opérations prend contact par e-mail ou par téléphone.`,
    },
  },
};

/** R-D6: an export copies the other way; only the states where the direction shows. */
export const EXPORT_DRIVE_WORDING: Readonly<
  Record<WordingLang, Readonly<Partial<Record<DriveState, string>>>>
> = {
  en: {
    Received:
      "At the datacenter, waiting for its copy: your data will be written from storage onto this drive.",
    Transferring: "Being written now, from storage onto the drive.",
  },
  fr: {
    Received: `Au centre de données, en attente de sa copie${NB}: vos données seront écrites du stockage vers ce disque.`,
    Transferring: `En cours d’écriture, du stockage vers le disque.`,
  },
};
