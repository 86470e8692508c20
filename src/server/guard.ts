/**
 * Every menu action runs through `guarded`: a `UserError` becomes an alert
 * in the user's language; any other error becomes an alert that says what
 * failed and that nothing was lost, and is logged for the developer.
 */
import { UserError } from '../core/errors';
import { say } from '../core/i18n';
import { PRODUCT_NAME } from '../core/texts';
import { spreadsheetLanguage } from '../sheets/locale';
import { alert } from '../sheets/ui';

const FAILED = {
  en: 'That did not work: {detail}\nWhat you entered is unchanged. Try again, or report the problem.',
  de: 'Das hat nicht geklappt: {detail}\nWas du eingegeben hast, ist unverändert. Versuche es erneut oder melde den Fehler.',
};

export function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    const lang = spreadsheetLanguage();
    if (error instanceof UserError) {
      alert(PRODUCT_NAME, error.message);
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    console.error(error);
    alert(
      PRODUCT_NAME,
      say(FAILED, lang, { detail }),
    );
  }
}
