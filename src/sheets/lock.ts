/** Serialises writes: two people clicking at once run one after the other. */
import { say, type Language } from '../core/i18n';
import { UserError } from '../core/errors';

const WAIT_MS = 20_000;

const BUSY = {
  en: 'Someone else is changing the OKR sheets right now. Please try again in a moment.',
  de: 'Gerade ändert jemand anderes die OKR-Tabellen. Bitte versuche es gleich noch einmal.',
};

export function withDocumentLock<T>(lang: Language, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new UserError(
      say(BUSY, lang),
    );
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
