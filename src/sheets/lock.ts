/** Serialises writes: two people clicking at once run one after the other. */
import type { Language } from '../core/i18n';
import { UserError } from '../core/errors';

const WAIT_MS = 20_000;

export function withDocumentLock<T>(lang: Language, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new UserError(
      lang === 'de'
        ? 'Jemand anderes ändert gerade die OKR-Tabellen. Bitte versuche es in einem Moment noch einmal.'
        : 'Someone else is changing the OKR sheets right now. Please try again in a moment.',
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
