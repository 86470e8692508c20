/**
 * The Archive sheet: one line per archived sheet, grouped by cycle, each a
 * link to the sheet (archived sheets are hidden, so the tab bar shows the
 * running cycle; the links open them).
 */
import type { Language } from '../i18n';
import { SHEET_NAMES } from '../texts';
import { BLANK, formula, text, type CellPlan, type SheetPlan } from './plan';
import { quote } from '../formulas';

const TEXT = {
  en: {
    title: 'Archived cycles',
    hint: 'Sheets of earlier cycles, kept as they were and hidden from the tab bar. Click a name to open it.',
    headers: ['Cycle', 'Sheet'],
  },
  de: {
    title: 'Archivierte Zyklen',
    hint: 'Blätter früherer Zyklen, so erhalten, wie sie waren, und in der Tab-Leiste ausgeblendet. Ein Klick auf den Namen öffnet das Blatt.',
    headers: ['Zyklus', 'Blatt'],
  },
} as const;

export interface ArchivedSheet {
  cycle: string;
  name: string;
  /** The sheet's id (`Sheet.getSheetId()`), for its `#gid=` link. */
  gid: number;
}

export function archivePlan(lang: Language, sheets: readonly ArchivedSheet[]): SheetPlan {
  const t = TEXT[lang];
  const cells: CellPlan[][] = [
    [text(t.title), BLANK],
    [text(t.hint), BLANK],
    t.headers.map((h) => text(h)),
    ...sheets.map((s, i) => [
      i > 0 && sheets[i - 1].cycle === s.cycle ? BLANK : text(s.cycle),
      formula(`=HYPERLINK(${quote(`#gid=${s.gid}`)},${quote(s.name)})`),
    ]),
  ];
  return {
    name: SHEET_NAMES[lang].archive,
    cells,
    numberFormats: cells.map((line) => line.map(() => '')),
    validations: cells.map((line) => line.map(() => null)),
    bold: cells.map((_, r) => [r === 0 || r === 2, r === 0 || r === 2]),
    frozenRows: 3,
    columnWidths: { 1: 160, 2: 320 },
  };
}
