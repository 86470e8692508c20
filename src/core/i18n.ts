/**
 * Languages the add-on speaks. The spreadsheet's locale decides which one a
 * generated sheet uses (`languageForLocale`); the Settings sheet keeps it.
 */
export type Language = 'en' | 'de';

export const LANGUAGES: readonly Language[] = ['en', 'de'];

/** `de`, `de_DE`, `de-AT`, `de_CH` give German; everything else English. */
export function languageForLocale(locale: string | null | undefined): Language {
  return /^de([_-]|$)/i.test(String(locale ?? '').trim()) ? 'de' : 'en';
}

/** The BCP 47 tag for numbers and dates shown in a language (`toLocaleString`). */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

/** The decimal separator people type in a language. */
export const DECIMAL_SEPARATORS: Record<Language, string> = { en: '.', de: ',' };

/** A text in both languages. */
export interface Bilingual {
  en: string;
  de: string;
}

/**
 * A count with its noun in the right form: `plural(1, 'team', 'teams')` is
 * "1 team", `plural(0, 'Team', 'Teams')` is "0 Teams". English and German
 * both use the singular for exactly one and the plural otherwise (0 too).
 */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

/**
 * Replaces `{name}` placeholders, and `{name|one|other}` with the count and
 * its noun through `plural` ("{krs|key result|key results}" gives
 * "1 key result", "3 key results"). Unknown placeholders stay visible.
 */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, key)) return whole;
    const value = params[key];
    return one === undefined || other === undefined ? String(value) : plural(Number(value), one, other);
  });
}

/**
 * The one way the add-on says something: every text it writes (sheets,
 * menus, dialogs, sidebars) is a `{ en, de }` pair, or a table by language,
 * rendered here with its placeholders.
 */
export function say(text: Bilingual, lang: Language, params?: Record<string, string | number>): string {
  return format(text[lang], params);
}
