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

/** A text in both languages. */
export interface Bilingual {
  en: string;
  de: string;
}

/** Replaces `{name}` placeholders. Unknown placeholders stay visible. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

export function say(text: Bilingual, lang: Language, params?: Record<string, string | number>): string {
  return format(text[lang], params);
}
