/** Use case: set up a new cycle (Settings, OKR register, Tactics) in the active spreadsheet. */
import { nextQuarterName, parseCycleSetup, type CycleSetup } from '../core/cycleSetup';
import { UserError } from '../core/errors';
import { format, type Language } from '../core/i18n';
import { registerPlan, type RegisterRow } from '../core/layout/register';
import type { TeamLevels } from '../core/alignment';
import { settingsPlan } from '../core/layout/settings';
import { tacticsPlan, type TacticRow } from '../core/layout/tactics';
import { SHEET_NAMES, type SheetRole } from '../core/texts';
import { withDocumentLock } from '../sheets/lock';
import { readRegister, repairRegisterFormulas } from '../sheets/register';
import { alert, promptText, toast } from '../sheets/ui';
import { activeSpreadsheet, findSheet } from '../sheets/workbook';
import { dayIn } from '../core/timeZone';
import { arrangeTabs, removeEmptyDefaultSheet } from '../sheets/tabs';
import { WriteSession, writeNewSheet } from '../sheets/writer';
import { spreadsheetLanguage } from '../sheets/locale';

export interface SetupContent {
  rows?: RegisterRow[];
  tactics?: TacticRow[];
  quickWins?: string[];
  /** Levels of the teams (carried by the next cycle). */
  levels?: TeamLevels;
}

export type SetupOutcome =
  | { kind: 'created'; sheets: string[] }
  | { kind: 'exists'; register: string; repairedRows: number };

const TEXT = {
  title: { en: 'Set up a new cycle', de: 'Neuen Zyklus anlegen' },
  ask: {
    en: 'Cycle name; start; end; teams (comma-separated).\nA quarter name sets the dates by itself, e.g.\n{example}; Sales, Marketing, IT, HR\nor: Pilot; 2027-01-04; 2027-02-26; Platform',
    de: 'Zyklusname; Beginn; Ende; Teams (mit Kommas getrennt).\nEin Quartalsname setzt die Daten selbst, z. B.\n{example}; Vertrieb, Marketing, IT, HR\noder: Pilot; 4.1.2027; 26.2.2027; Plattform',
  },
  problems: { en: 'The cycle was not set up', de: 'Der Zyklus wurde nicht angelegt' },
  created: {
    en: 'Cycle "{name}" is set up for {teams|team|teams}: {sheets}. Next: write objectives in the sidebar.',
    de: 'Zyklus „{name}“ ist für {teams|Team|Teams} angelegt: {sheets}. Als Nächstes schreibt ihr die Objectives in der Seitenleiste.',
  },
  exists: {
    en: 'This spreadsheet already has a cycle register ("{register}"). Nothing was overwritten. {repaired}For the next cycle choose "Start next cycle…": it archives this one and deletes nothing.',
    de: 'Diese Tabelle hat schon ein OKR-Register („{register}“). Es wurde nichts überschrieben. {repaired}Für den nächsten Zyklus wähle „Nächsten Zyklus starten…“: Das archiviert diesen Zyklus und löscht nichts.',
  },
  repaired: { en: '{count|row got its|rows got their} score formulas back. ', de: '{count|Zeile hat ihre|Zeilen haben ihre} Score-Formeln zurückbekommen. ' },
  nameTaken: {
    en: 'A sheet named "{name}" already exists and is not an OKR sheet. Rename it, then set up the cycle again. Nothing was changed.',
    de: 'Ein Tabellenblatt „{name}“ gibt es schon, und es ist kein OKR-Blatt. Benenne es um und lege den Zyklus dann erneut an. Nichts wurde geändert.',
  },
};


/**
 * Creates Settings, the register and Tactics. Never overwrites: where a
 * register exists it only gives rows that lack them their formulas, and says so.
 */
export function setUpCycle(setup: CycleSetup, lang: Language, content: SetupContent = {}): SetupOutcome {
  return withDocumentLock(lang, () => setUpCycleLocked(setup, lang, content));
}

/** `setUpCycle` for callers that already hold the document lock (the lock is not re-entrant). */
export function setUpCycleLocked(setup: CycleSetup, lang: Language, content: SetupContent = {}): SetupOutcome {
  {
    const spreadsheet = activeSpreadsheet();
    const found = existingRegister(lang);
    if (found) return found;
    const roles: SheetRole[] = ['settings', 'tactics'];
    for (const role of roles) {
      const name = SHEET_NAMES[lang][role];
      if (spreadsheet.getSheetByName(name)) throw new UserError(format(TEXT.nameTaken[lang], { name }));
    }
    const session = new WriteSession(spreadsheet);
    // Settings first (the others validate against its team list); the register last, so it is the active
    // sheet; tabs read OKRs, Settings, Tactics, then whatever the spreadsheet had.
    const settings = settingsPlan({ cycle: setup.cycle, teams: setup.teams, lang, quickWins: content.quickWins, levels: content.levels });
    const tactics = tacticsPlan(lang, content.tactics ?? []);
    const registerSheet = registerPlan({ lang, rows: content.rows ?? [] });
    writeNewSheet(session, settings, 0);
    writeNewSheet(session, tactics, 1);
    const register = writeNewSheet(session, registerSheet, 0);
    // The empty first sheet of a new spreadsheet has no use any more; the register is where people start.
    removeEmptyDefaultSheet(spreadsheet);
    arrangeTabs(spreadsheet, setup.cycle.name, register);
    return { kind: 'created', sheets: [registerSheet.name, settings.name, tactics.name] };
  }
}

/**
 * The register this spreadsheet already has, if any: rows that lack their
 * score formulas get them back (nothing else is touched). Needs the document lock.
 */
function existingRegister(lang: Language): SetupOutcome | null {
  const register = findSheet(activeSpreadsheet(), 'register', lang);
  if (!register) return null;
  const repairedRows = repairRegisterFormulas(register, readRegister(register), lang);
  return { kind: 'exists', register: register.getName(), repairedRows };
}

export function outcomeMessage(outcome: SetupOutcome, setup: CycleSetup | null, lang: Language): string {
  if (outcome.kind === 'created')
    return format(TEXT.created[lang], { name: setup?.cycle.name ?? '', teams: setup?.teams.length ?? 0, sheets: outcome.sheets.join(', ') });
  const repaired = outcome.repairedRows ? format(TEXT.repaired[lang], { count: outcome.repairedRows }) : '';
  return format(TEXT.exists[lang], { register: outcome.register, repaired });
}

/** Menu: asks for the cycle in one prompt, explains what is wrong until the answer is usable or cancelled. */
export function setUpCycleFromMenu(today = new Date()): void {
  const lang = spreadsheetLanguage();
  const day = dayIn(today, activeSpreadsheet().getSpreadsheetTimeZone());
  // A register is there already: say so before asking for a cycle that would not be set up.
  const found = findSheet(activeSpreadsheet(), 'register', lang) ? withDocumentLock(lang, () => existingRegister(lang)) : null;
  if (found) {
    alert(TEXT.title[lang], outcomeMessage(found, null, lang));
    return;
  }
  let answer = promptText(TEXT.title[lang], format(TEXT.ask[lang], { example: nextQuarterName(day) }));
  while (answer !== null) {
    const parsed = parseCycleSetup(answer, lang);
    if (parsed.ok) {
      const outcome = setUpCycle(parsed.setup, lang);
      const message = outcomeMessage(outcome, parsed.setup, lang);
      if (outcome.kind === 'created') toast(activeSpreadsheet(), message);
      else alert(TEXT.title[lang], message);
      return;
    }
    answer = promptText(TEXT.problems[lang], `${parsed.problems.join('\n')}\n\n${format(TEXT.ask[lang], { example: nextQuarterName(day) })}`);
  }
}
