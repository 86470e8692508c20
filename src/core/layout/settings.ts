/**
 * The Settings sheet: the cycle, the success levels and the team list. Every
 * other sheet reads these cells, so changing a date or a success level here
 * changes every verdict.
 */
import type { Language } from '../i18n';
import type { Cycle } from '../schema';
import { CADENCE_LABELS } from '../vocabulary';
import { DEFAULT_SUCCESS } from '../scoring';
import { SHEET_NAMES } from '../texts';
import { LEVEL_LABELS, parseLevel, teamLevel, type Level, type TeamLevels } from '../alignment';
import { BLANK, date, grid, num, sheetRef, text, type CellPlan, type SheetPlan, type ValidationPlan } from './plan';

/** Where each setting lives (fixed cells, so formulas can point at them). */
export const SETTINGS_CELLS = {
  cycleName: 'B2',
  cycleStart: 'B3',
  cycleEnd: 'B4',
  cadence: 'B5',
  language: 'B6',
  roofshotLevel: 'B7',
  moonshotLevel: 'B8',
} as const;

/** Teams are listed in D2:D{1+MAX_TEAMS}, each with its level in E; quick wins for the next cycle in F2:F4. */
export const MAX_TEAMS = 100;
export const TEAM_COLUMN = 'D';
export const LEVEL_COLUMN = 'E';
export const QUICK_WIN_COLUMN = 'F';
export const QUICK_WINS = 3;

const LABELS: Record<Language, Record<keyof typeof SETTINGS_CELLS | 'header' | 'value' | 'teams' | 'level' | 'quickWins', string>> = {
  en: {
    header: 'Setting',
    value: 'Value',
    cycleName: 'Cycle',
    cycleStart: 'Start',
    cycleEnd: 'End',
    cadence: 'Cadence',
    language: 'Language',
    roofshotLevel: 'Roofshot achieved from',
    moonshotLevel: 'Moonshot achieved from',
    teams: 'Teams',
    level: 'Level',
    quickWins: 'Quick wins for this cycle',
  },
  de: {
    header: 'Einstellung',
    value: 'Wert',
    cycleName: 'Zyklus',
    cycleStart: 'Beginn',
    cycleEnd: 'Ende',
    cadence: 'Rhythmus',
    language: 'Sprache',
    roofshotLevel: 'Roofshot erreicht ab',
    moonshotLevel: 'Moonshot erreicht ab',
    teams: 'Teams',
    level: 'Ebene',
    quickWins: 'Quick Wins für diesen Zyklus',
  },
};

const TEAM_LEVEL_HELP: Record<Language, string> = {
  en: 'Company, department or team: the alignment tree on the dashboard shows the objectives of the team at this level.',
  de: 'Unternehmen, Bereich oder Team: Auf dieser Ebene zeigt der Ausrichtungsbaum im Dashboard die Objectives des Teams.',
};

const LEVEL_HELP: Record<Language, string> = { en: 'A share between 0 and 1, e.g. 60%', de: 'Ein Anteil zwischen 0 und 1, z. B. 60 %' };

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** Absolute references to the settings other sheets use, e.g. `Einstellungen!$B$7`. */
export function settingsRefs(lang: Language): Record<keyof typeof SETTINGS_CELLS, string> & { teams: string } {
  const sheet = sheetRef(SHEET_NAMES[lang].settings);
  const abs = (a1: string) => `${sheet}!$${a1[0]}$${a1.slice(1)}`;
  return {
    cycleName: abs(SETTINGS_CELLS.cycleName),
    cycleStart: abs(SETTINGS_CELLS.cycleStart),
    cycleEnd: abs(SETTINGS_CELLS.cycleEnd),
    cadence: abs(SETTINGS_CELLS.cadence),
    language: abs(SETTINGS_CELLS.language),
    roofshotLevel: abs(SETTINGS_CELLS.roofshotLevel),
    moonshotLevel: abs(SETTINGS_CELLS.moonshotLevel),
    teams: `${sheet}!$${TEAM_COLUMN}$2:$${TEAM_COLUMN}$${MAX_TEAMS + 1}`,
  };
}

export interface SettingsInput {
  cycle: Cycle;
  teams: string[];
  lang: Language;
  quickWins?: string[];
  /** Each team's level; a team not named here is company level when named like one ("Unternehmen"), else team level. */
  levels?: TeamLevels;
}

export function settingsPlan(input: SettingsInput): SheetPlan {
  const { lang } = input;
  const labels = LABELS[lang];
  const rows = MAX_TEAMS + 1;
  const cols = 6; // A-F
  const cells: CellPlan[][] = grid(rows, cols, () => BLANK);
  const formats: string[][] = grid(rows, cols, () => '');
  const validations: (ValidationPlan | null)[][] = grid(rows, cols, () => null);
  const put = (a1: string, cell: CellPlan, format = '') => {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    cells[row][col] = cell;
    formats[row][col] = format;
  };
  put('A1', text(labels.header));
  put('B1', text(labels.value));
  put(`${TEAM_COLUMN}1`, text(labels.teams));
  put(`${LEVEL_COLUMN}1`, text(labels.level));
  put(`${QUICK_WIN_COLUMN}1`, text(labels.quickWins));
  const entries: [keyof typeof SETTINGS_CELLS, CellPlan, string][] = [
    ['cycleName', text(input.cycle.name), ''],
    ['cycleStart', date(input.cycle.start), 'yyyy-mm-dd'],
    ['cycleEnd', date(input.cycle.end), 'yyyy-mm-dd'],
    ['cadence', text(CADENCE_LABELS[lang][input.cycle.cadence]), ''],
    ['language', text(LANGUAGE_NAMES[lang]), ''],
    ['roofshotLevel', num(DEFAULT_SUCCESS.roofshot), '0%'],
    ['moonshotLevel', num(DEFAULT_SUCCESS.moonshot), '0%'],
  ];
  for (const [key, cell, format] of entries) {
    const a1 = SETTINGS_CELLS[key];
    put(`A${a1.slice(1)}`, text(labels[key]));
    put(a1, cell, format);
  }
  const level: ValidationPlan = { kind: 'numberBetween', min: 0, max: 1, allowInvalid: false, help: LEVEL_HELP[lang] };
  validations[6][1] = level;
  validations[7][1] = level;
  validations[2][1] = { kind: 'date', allowInvalid: false };
  validations[3][1] = { kind: 'date', allowInvalid: false };
  validations[4][1] = { kind: 'list', values: Object.values(CADENCE_LABELS[lang]), allowInvalid: false };
  validations[5][1] = { kind: 'list', values: Object.values(LANGUAGE_NAMES), allowInvalid: false };
  const teamLevelRule: ValidationPlan = { kind: 'list', values: Object.values(LEVEL_LABELS[lang]), allowInvalid: false, help: TEAM_LEVEL_HELP[lang] };
  for (let row = 1; row <= MAX_TEAMS; row++) validations[row][LEVEL_COLUMN.charCodeAt(0) - 65] = teamLevelRule;
  input.teams.slice(0, MAX_TEAMS).forEach((team, i) => {
    put(`${TEAM_COLUMN}${i + 2}`, text(team));
    put(`${LEVEL_COLUMN}${i + 2}`, text(LEVEL_LABELS[lang][teamLevel(team, input.levels) ?? 'team']));
  });
  (input.quickWins ?? []).slice(0, QUICK_WINS).forEach((win, i) => put(`${QUICK_WIN_COLUMN}${i + 2}`, text(win)));
  return {
    name: SHEET_NAMES[lang].settings,
    cells,
    numberFormats: formats,
    validations,
    bold: grid(rows, cols, (r) => r === 0),
    frozenRows: 1,
    columnWidths: { 1: 200, 4: 160, 5: 110, 6: 280 },
  };
}

/** Teams and their levels as Settings lists them (rows of A1:F101 as `getValues` returns them). */
export function readTeamLevels(values: readonly (readonly unknown[])[]): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const line of values.slice(1)) {
    const team = String(line[TEAM_COLUMN.charCodeAt(0) - 65] ?? '').trim();
    const level = parseLevel(String(line[LEVEL_COLUMN.charCodeAt(0) - 65] ?? ''));
    if (team && level && !levels.has(team)) levels.set(team, level);
  }
  return levels;
}
