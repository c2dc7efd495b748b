import { incidentDeadlines, type IncidentDeadlines, type IncidentKind } from "./incidents.ts";
import type { NoticeTopic } from "./notifications.ts";
import { JOB_STATE_WORDING, type WordingLang } from "./state-wording.ts";
import { isJobState } from "./states.ts";
import { CREATING_TIMEOUT_DAYS, RETENTION_DAYS, SHIPPING_NOTIFY_DAYS, deadline } from "./timers.ts";

/**
 * The customer's email for one notice, in English or French, as plain text and HTML: what
 * happened, what it means (the shared state wording), the deadline that applies, and what the
 * customer must do. Our own sentences (a unit test checks them against the seed). Never a secret:
 * no BitLocker key, no staff note or name, no fault reason typed by staff; only the job's name,
 * the drive's serial the customer gave us, states, rules' deadlines and the status page.
 */
export type NoticeMailInput = {
  lang: WordingLang;
  topic: NoticeTopic;
  jobName: string;
  /** When the event happened. */
  at: Date;
  /** R-J6: when the service got the shipping information (the Shipping clock), if known. */
  shippingInfoAt: Date | null;
  driveSerial: string | null;
  /** The customer's status page, when a link is known at this moment; else how to get one. */
  statusPageUrl: string | null;
  /**
   * An error event's deadlines as they stand when the mail goes out (the incident's row, with
   * R-E2's answer clock started by this mail); without them, counted from the event.
   */
  incidentDeadlines?: IncidentDeadlines;
};

export type NoticeMail = { subject: string; text: string; html: string; deadline: Date | null };

const NB = "\u00a0";

type ErrorWording = { title: string; body: string; ask: string; until: string | null };

const ERROR_WORDING: Record<WordingLang, Record<IncidentKind, ErrorWording>> = {
  en: {
    JobNotShipping: {
      title: "drives arrived before the job was set to Shipping",
      body: "Drives of this job have reached our datacenter, but the job has not been set to Shipping yet, so we cannot start on them.",
      ask: "Please complete the job (carrier, tracking number, return address) and set it to Shipping.",
      until: "If we have not heard from you by then, we send the drives back to you.",
    },
    PackageOverdue: {
      title: "your package has not reached us",
      body: `We were told the package was on its way, but ${SHIPPING_NOTIFY_DAYS} days later it still has not arrived.`,
      ask: "Please tell us whether to keep waiting (and until which day) or to cancel the job.",
      until: "Without an answer from you by then, the job is closed.",
    },
    ReturnedDrivesLostOrDamaged: {
      title: "returned drives lost or damaged",
      body: "We have recorded that drives we shipped back did not reach you, or arrived damaged.",
      ask: "Check the return shipment on your status page, then contact the carrier. For damaged drives you may ask for a new export job.",
      until: null,
    },
    ReturnAddressInvalid: {
      title: "we cannot send your drives back",
      body: "The return address of this job is missing or does not work, so your drives cannot leave.",
      ask: "Please send us a correct return address by updating the job.",
      until: "If we still cannot reach you by then, the drives are securely destroyed.",
    },
    ExtraDrive: {
      title: "a drive not on the job's list",
      body: "Your package held a drive that this job does not list. We do not copy it.",
      ask: "Nothing to do: it goes back to you together with the job's other drives.",
      until: null,
    },
  },
  fr: {
    JobNotShipping: {
      title: "des disques sont arrivés avant le passage en Shipping",
      body: `Des disques de ce travail sont arrivés dans notre centre de données, mais le travail n’est pas encore passé en Shipping${NB}: nous ne pouvons pas les traiter.`,
      ask: "Merci de compléter le travail (transporteur, numéro de suivi, adresse de retour) puis de le passer en Shipping.",
      until: "Sans nouvelles de votre part à cette date, nous vous renvoyons les disques.",
    },
    PackageOverdue: {
      title: "votre colis ne nous est pas parvenu",
      body: `Le colis nous avait été annoncé, mais ${SHIPPING_NOTIFY_DAYS} jours plus tard il n’est toujours pas arrivé.`,
      ask: "Dites-nous s’il faut continuer d’attendre (et jusqu’à quel jour) ou annuler le travail.",
      until: "Sans réponse de votre part à cette date, le travail est fermé.",
    },
    ReturnedDrivesLostOrDamaged: {
      title: "disques renvoyés perdus ou abîmés",
      body: "Nous avons noté que des disques renvoyés ne vous sont pas parvenus, ou sont arrivés abîmés.",
      ask: "Vérifiez l’envoi de retour sur votre page de suivi, puis contactez le transporteur. Pour des disques abîmés, vous pouvez demander un nouveau travail d’export.",
      until: null,
    },
    ReturnAddressInvalid: {
      title: "nous ne pouvons pas renvoyer vos disques",
      body: `L’adresse de retour de ce travail manque ou ne convient pas${NB}: vos disques ne peuvent pas repartir.`,
      ask: "Merci de nous donner une adresse de retour correcte en mettant le travail à jour.",
      until:
        "Si nous ne pouvons toujours pas vous joindre à cette date, les disques sont détruits de façon sûre.",
    },
    ExtraDrive: {
      title: "un disque absent de la liste du travail",
      body: "Votre colis contenait un disque que ce travail ne mentionne pas. Nous ne le copions pas.",
      ask: `Rien à faire${NB}: il vous est renvoyé avec les autres disques du travail.`,
      until: null,
    },
  },
};

const WORDS = {
  en: {
    hello: "Hello,",
    jobIs: (name: string, label: string) => `Your job “${name}” is now ${label}.`,
    subjectState: (name: string, label: string) => `Dockside: job “${name}” is now ${label}`,
    subjectError: (name: string, title: string) => `Dockside: job “${name}”: ${title}`,
    subjectDrive: (name: string) => `Dockside: job “${name}”: a drive needs our attention`,
    drive: (serial: string) =>
      `Drive ${serial} stopped moving through its steps the way it should. Our operations team is on it and will contact you by email or phone if we need anything from you.`,
    deadline: "Deadline",
    next: "What happens next",
    todo: "What you need to do",
    statusLink: "Follow your job on its status page:",
    noLink:
      "Your status page shows where each drive stands: use the link we gave you. If you do not have it, reply to this email and we will send you one.",
    footer:
      "This is an automatic message from the Dockside operations team. Replies reach our team.",
    deletedLabel: "deleted",
    deleted: `A job is deleted when it stays in Creating for ${CREATING_TIMEOUT_DAYS} days, or ${RETENTION_DAYS} days after it ended. Create a new job if you still need one.`,
    date: "en-GB",
    utc: "UTC",
  },
  fr: {
    hello: "Bonjour,",
    jobIs: (name: string, label: string) =>
      `Votre travail «${NB}${name}${NB}» est maintenant à l’étape ${label}.`,
    subjectState: (name: string, label: string) =>
      `Dockside${NB}: travail «${NB}${name}${NB}» désormais ${label}`,
    subjectError: (name: string, title: string) =>
      `Dockside${NB}: travail «${NB}${name}${NB}»${NB}: ${title}`,
    subjectDrive: (name: string) =>
      `Dockside${NB}: travail «${NB}${name}${NB}»${NB}: un disque demande notre attention`,
    drive: (serial: string) =>
      `Le disque ${serial} n’avance plus normalement d’une étape à l’autre. Notre équipe des opérations s’en occupe et vous contactera par e-mail ou par téléphone si elle a besoin de vous.`,
    deadline: "Échéance",
    next: "La suite",
    todo: "Ce que vous devez faire",
    statusLink: `Suivez votre travail sur sa page de suivi${NB}:`,
    noLink: `Votre page de suivi montre où en est chaque disque${NB}: utilisez le lien que nous vous avons donné. Si vous ne l’avez pas, répondez à ce message et nous vous en enverrons un.`,
    footer:
      "Message automatique de l’équipe des opérations Dockside. Vos réponses parviennent à notre équipe.",
    deletedLabel: "supprimé",
    deleted: `Un travail est supprimé s’il reste ${CREATING_TIMEOUT_DAYS} jours en Creating, ou ${RETENTION_DAYS} jours après sa fin. Créez un nouveau travail si vous en avez encore besoin.`,
    date: "fr-FR",
    utc: "UTC",
  },
} as const;

function formatDay(lang: WordingLang, at: Date): string {
  const w = WORDS[lang];
  const text = new Intl.DateTimeFormat(w.date, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(at);
  return `${text} ${w.utc}`;
}

/** The deadline a state change starts for the customer, by the rules' timers. */
function stateDeadline(to: string, at: Date, shippingInfoAt: Date | null): Date | null {
  if (to === "Creating") return deadline(at, CREATING_TIMEOUT_DAYS); // R-J2
  if (to === "Shipping") return deadline(shippingInfoAt ?? at, SHIPPING_NOTIFY_DAYS); // R-J6, R-E2
  if (to === "Completed" || to === "Closed") return deadline(at, RETENTION_DAYS); // R-J11, R-J13
  return null;
}

type Body = {
  subject: string;
  lead: string;
  explain: string;
  todo: string | null;
  deadline: Date | null;
  until: string | null;
};

function body(input: NoticeMailInput): Body {
  const { lang, topic, jobName, at } = input;
  const w = WORDS[lang];
  if (topic.type === "job.state_changed") {
    if (!isJobState(topic.to)) {
      return {
        subject: w.subjectState(jobName, w.deletedLabel),
        lead: w.jobIs(jobName, w.deletedLabel),
        explain: w.deleted,
        todo: null,
        deadline: null,
        until: null,
      };
    }
    const wording = JOB_STATE_WORDING[lang][topic.to];
    return {
      subject: w.subjectState(jobName, wording.label),
      lead: w.jobIs(jobName, wording.label),
      explain: wording.meaning,
      todo: wording.next,
      deadline: stateDeadline(topic.to, at, input.shippingInfoAt),
      until: null,
    };
  }
  if (topic.type === "job.error_event") {
    const e = ERROR_WORDING[lang][topic.incidentKind];
    const d = input.incidentDeadlines ?? incidentDeadlines(topic.incidentKind, at);
    return {
      subject: w.subjectError(jobName, e.title),
      lead: e.body,
      explain: "",
      todo: e.ask,
      deadline: e.until ? (d.answerDeadline ?? d.contactDeadline ?? d.destructionDeadline) : null,
      until: e.until,
    };
  }
  return {
    subject: w.subjectDrive(jobName),
    lead: w.drive(input.driveSerial ?? "?"),
    explain: JOB_STATE_WORDING[lang].Faulted.next,
    todo: null,
    deadline: null,
    until: null,
  };
}

function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The mail for one notice and one recipient language. */
export function noticeMail(input: NoticeMailInput): NoticeMail {
  const { lang } = input;
  const w = WORDS[lang];
  const b = body(input);
  const deadlineLine = b.deadline
    ? `${w.deadline}${lang === "fr" ? NB : ""}: ${formatDay(lang, b.deadline)}.${b.until ? ` ${b.until}` : ""}`
    : null;
  const link = input.statusPageUrl;
  const text = [
    w.hello,
    "",
    b.lead,
    ...(b.explain ? ["", b.explain] : []),
    ...(b.todo ? ["", `${w.todo}${lang === "fr" ? NB : ""}: ${b.todo}`] : []),
    ...(deadlineLine ? ["", deadlineLine] : []),
    "",
    link ? `${w.statusLink} ${link}` : w.noLink,
    "",
    "-- ",
    w.footer,
    "",
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(b.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;color:#111;background:#fff;line-height:1.5">',
    `<main><h1 style="font-size:20px">${escapeHtml(b.subject)}</h1>`,
    p(w.hello),
    p(b.lead),
    b.explain ? p(b.explain) : "",
    b.todo ? `<h2 style="font-size:16px">${escapeHtml(w.todo)}</h2>${p(b.todo)}` : "",
    deadlineLine
      ? `<p style="margin:0 0 12px"><strong>${escapeHtml(deadlineLine)}</strong></p>`
      : "",
    link
      ? `<p style="margin:0 0 12px">${escapeHtml(w.statusLink)} <a href="${escapeHtml(link)}" style="color:#1d4ed8">${escapeHtml(link)}</a></p>`
      : p(w.noLink),
    `</main><footer><p style="color:#374151;font-size:13px">${escapeHtml(w.footer)}</p></footer>`,
    "</body></html>",
  ].join("\n");
  return { subject: b.subject, text, html, deadline: b.deadline };
}
