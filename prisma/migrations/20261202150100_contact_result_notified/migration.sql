-- An automatic email the mail server accepted is recorded as a contact attempt with its own
-- result (lib/domain/contact-results.ts NOTIFIED), never one a supervisor chooses.
ALTER TYPE "ContactResult" ADD VALUE 'notified';
