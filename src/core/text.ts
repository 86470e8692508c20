/**
 * Text as a spreadsheet can hold it. Sheets cannot store NUL and mangles the
 * other C0 control characters and lone UTF-16 surrogates (half an emoji, from
 * a broken copy and paste), so the add-on writes every user text through
 * `inertText`: those control characters (all but tab, line feed and carriage
 * return) are removed, a lone surrogate becomes U+FFFD. Everything else is
 * kept exactly.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function inertText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}
