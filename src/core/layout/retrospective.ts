/**
 * The retrospective ("Retrospective Q4 2026"): about the process, not the
 * scores. Team health per participating team (1-5), what went well and what
 * went badly, the negatives placed on a benefit/effort matrix drawn in cells
 * (people type each negative into its quadrant), and a top 3 of quick wins
 * that the next cycle's Settings carry (Settings F2:F4, see `quickWinsToCarry`).
 * Column D (hidden) keys the top-3 rows so the add-on finds them again.
 */
import type { Language } from '../i18n';
import { BLANK, sheetRef, text, type SheetPlan, type ValidationPlan } from './plan';
import { PlanBuilder, SECTION_BACKGROUND, rowsByKey, textOf } from './builder';
import { QUICK_WINS } from './settings';

export const RETRO_WIDTH = 3;
export const RETRO_KEY_COLUMN = 4;
export const LIST_ROWS = 6;
export const QUADRANT_ROWS = 5;

const TEXT = {
  en: {
    title: 'Retrospective {cycle}',
    hint: 'About the process, not the scores. Enter your answers in the yellow cells.',
    health: 'How well did each team cope with the OKR process? (1 = badly, 5 = very well)',
    healthHeaders: ['Team', 'Rating (1-5)', 'What would help'],
    brainstorm: 'Brainstorm: results of the process',
    wentWell: 'What went well',
    wentBadly: 'What went badly',
    matrix: 'Place each negative result on the benefit/effort matrix: enter it in its quadrant',
    lowEffort: 'low effort',
    highEffort: 'high effort',
    highBenefit: 'high benefit',
    lowBenefit: 'low benefit',
    quickWins: 'Quick wins: high benefit, low effort',
    bigBets: 'Big projects: high benefit, high effort',
    fillIns: 'Small tasks: low benefit, low effort',
    moneyPits: 'Avoid: low benefit, high effort',
    top3: 'Top 3 quick wins for the next cycle',
    top3Hint: 'As soon as they are filled in, Settings shows them as the quick wins for the next cycle (F2:F4, where those cells were empty); "Start next cycle" carries them.',
  },
  de: {
    title: 'Retrospektive {cycle}',
    hint: 'Es geht um den Prozess, nicht um die Scores. Tragt eure Antworten in die gelben Zellen ein.',
    health: 'Wie gut ist jedes Team mit dem OKR-Prozess zurechtgekommen? (1 = schlecht, 5 = sehr gut)',
    healthHeaders: ['Team', 'Bewertung (1-5)', 'Was würde helfen?'],
    brainstorm: 'Brainstorming: positive und negative Ergebnisse des Zyklus',
    wentWell: 'Was lief gut?',
    wentBadly: 'Was lief schlecht?',
    matrix: 'Ordnet jedes negative Ergebnis in die Nutzen-Aufwand-Matrix ein: Tragt es in seinen Quadranten ein',
    lowEffort: 'geringer Aufwand',
    highEffort: 'hoher Aufwand',
    highBenefit: 'hoher Nutzen',
    lowBenefit: 'geringer Nutzen',
    quickWins: 'Quick Wins: hoher Nutzen, geringer Aufwand',
    bigBets: 'Große Vorhaben: hoher Nutzen, hoher Aufwand',
    fillIns: 'Kleinkram: geringer Nutzen, geringer Aufwand',
    moneyPits: 'Vermeiden: geringer Nutzen, hoher Aufwand',
    top3: 'Top 3 Quick Wins für den nächsten Zyklus',
    top3Hint: 'Sobald sie eingetragen sind, stehen sie in den Einstellungen als Quick Wins für den nächsten Zyklus (F2:F4, wo diese Zellen leer waren); „Nächsten Zyklus starten“ übernimmt sie.',
  },
} as const;

const QUADRANT = { quickWins: '#d9ead3', bigBets: '#cfe2f3', fillIns: '#fff2cc', moneyPits: '#f4cccc' } as const;

export function retrospectiveSheetName(lang: Language, cycle: string): string {
  return TEXT[lang].title.replace('{cycle}', cycle).trim();
}

export interface RetrospectiveInput {
  lang: Language;
  cycle: string;
  teams: readonly string[];
}

export function retrospectivePlan(input: RetrospectiveInput): SheetPlan {
  const { lang } = input;
  const t = TEXT[lang];
  const b = new PlanBuilder(RETRO_WIDTH, true);
  const health: ValidationPlan = { kind: 'list', values: ['1', '2', '3', '4', '5'], allowInvalid: false };
  const section = (label: string) => b.row([text(label)], { bold: true, background: SECTION_BACKGROUND });

  b.row([text(retrospectiveSheetName(lang, input.cycle))], { bold: true });
  b.row([text(t.hint)]);
  b.blank();
  section(t.health);
  b.row(t.healthHeaders.map((h) => text(h)), { bold: true });
  for (const team of input.teams) b.row([text(team)], { inputs: [2, 3], validations: { 2: health }, key: `health:${team}` });
  b.blank();
  section(t.brainstorm);
  b.row([BLANK, text(t.wentWell), text(t.wentBadly)], { bold: true });
  for (let i = 1; i <= LIST_ROWS; i++) b.row([text(`${i}.`)], { inputs: [2, 3], key: `list:${i}` });
  b.blank();
  section(t.matrix);
  b.row([BLANK, text(t.lowEffort), text(t.highEffort)], { bold: true });
  const quadrantPair = (benefit: string, left: keyof typeof QUADRANT, right: keyof typeof QUADRANT) => {
    const header = b.row([text(benefit), text(t[left]), text(t[right])], { bold: true });
    b.backgrounds[header - 1][1] = QUADRANT[left];
    b.backgrounds[header - 1][2] = QUADRANT[right];
    for (let i = 0; i < QUADRANT_ROWS; i++) {
      const row = b.row([], { key: `matrix:${left}:${i + 1}` });
      b.backgrounds[row - 1][1] = QUADRANT[left];
      b.backgrounds[row - 1][2] = QUADRANT[right];
    }
  };
  quadrantPair(t.highBenefit, 'quickWins', 'bigBets');
  quadrantPair(t.lowBenefit, 'fillIns', 'moneyPits');
  b.blank();
  section(t.top3);
  b.row([BLANK, text(t.top3Hint)]);
  for (let i = 1; i <= QUICK_WINS; i++) b.row([text(`${i}.`)], { inputs: [2], key: `quickwin:${i}` });

  return b.plan(retrospectiveSheetName(lang, input.cycle), {
    trim: { spareRows: 20 }, // room below the block for people's own rows
    columnWidths: { 1: 160, 2: 300, 3: 300 },
    // Answers wrap; headings and hints in A run on over the empty cells beside them instead of wrapping into tall rows.
    wrapColumns: [2, 3],
  });
}

/** The top-3 quick wins typed into a retrospective, in order (blanks left out). */
export function readQuickWins(values: readonly (readonly unknown[])[]): string[] {
  const byKey = rowsByKey(values, RETRO_KEY_COLUMN);
  const wins: string[] = [];
  for (let i = 1; i <= QUICK_WINS; i++) {
    const win = textOf(byKey.get(`quickwin:${i}`)?.[1]);
    if (win) wins.push(win);
  }
  return wins;
}

/**
 * Settings' quick-win cells after carrying `wins` into them: only empty cells
 * are filled, in order, and a win already listed is not added twice. Nothing
 * a person wrote there is overwritten. Returns the cells and how many were filled.
 */
export function quickWinsToCarry(existing: readonly unknown[], wins: readonly string[]): { cells: string[]; filled: number } {
  const cells = Array.from({ length: QUICK_WINS }, (_, i) => textOf(existing[i]));
  const queue = wins.filter((win) => !cells.some((cell) => cell.toLowerCase() === win.toLowerCase()));
  let filled = 0;
  for (let i = 0; i < cells.length && queue.length; i++) {
    if (cells[i]) continue;
    cells[i] = queue.shift() as string;
    filled++;
  }
  return { cells, filled };
}

/**
 * Formulas for Settings' quick-win cells that show the retrospective's top 3
 * as soon as they are filled in (no second click), e.g.
 * `=IF(TRIM('Retrospective Q4 2026'!$B$40)="","",'Retrospective Q4 2026'!$B$40)`.
 * References follow the cells when people insert rows above them.
 */
export function quickWinFormulas(plan: SheetPlan): string[] {
  const keyColumn = plan.cells[0].length;
  const rows: number[] = [];
  plan.cells.forEach((line, r) => {
    const key = line[keyColumn - 1];
    if ('text' in key && /^quickwin:\d+$/.test(key.text)) rows.push(r + 1);
  });
  const ref = (row: number) => `${sheetRef(plan.name)}!$B$${row}`;
  return rows.map((row) => `=IF(TRIM(${ref(row)})="","",${ref(row)})`);
}
