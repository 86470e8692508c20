/**
 * The sample cycle a new playground starts with, made only through the
 * bundle's entry points, as a person would make it: "Set up a new cycle" from
 * the menu (answering its prompt), objectives with key results and key
 * tactics saved from the sidebar (sidebarSaveObjective), and three weekly
 * check-ins: for each of the last three ISO weeks the add-on's clock is set
 * into that week, "New weekly check-in" generates the weekly, values are typed
 * into it, and "Apply this week's check-in" applies it.
 */
import type { SaveResult } from '../src/core/drafts';
import { isoWeek } from '../src/core/isoWeek';
import { TACTIC_RATING_LABELS, WEEKLY_COLUMN, type TacticRating } from '../src/core/layout/weekly';
import type { KrKind } from '../src/core/vocabulary';
import type { Lang, PlaygroundSession } from './session';

export interface SampleKr {
  title: string;
  kind: KrKind;
  start: number;
  target: number;
  unit: string;
  weight?: number;
  /**
   * How far along the team is against the pace the cycle asks for (1: on
   * pace, 0.5: half of it); the values typed each week follow from it and the
   * days gone, so the sample tells the same story whatever day it starts on.
   */
  story: number;
  /** Values are typed in these steps: whole customers, leads and tickets, money in hundreds, rates to one decimal. */
  step: number;
  /** A band (maintain): the measured value each week instead. */
  measured?: [number, number, number];
  /** The team's confidence (0-10) in each weekly. */
  confidence: [number, number, number];
}
export interface SampleObjective {
  team: number;
  title: string;
  goalType: 'roofshot' | 'moonshot';
  tactic: string;
  keyResults: SampleKr[];
}

const TEAMS: Record<Lang, string[]> = { en: ['Sales', 'Customer Service'], de: ['Vertrieb', 'Kundenservice'] };

export const OBJECTIVES: Record<Lang, SampleObjective[]> = {
  en: [
    {
      team: 0,
      title: 'Existing customers buy more from us',
      goalType: 'roofshot',
      tactic: 'We always choose a call over an e-mail',
      keyResults: [
        { title: 'Revenue per existing customer', kind: 'increase', start: 50000, target: 60000, unit: 'EUR', weight: 2, story: 1.15, step: 100, confidence: [7, 7, 8] },
        { title: 'Churn rate', kind: 'decrease', start: 8, target: 5, unit: '%', story: 0.5, step: 0.1, confidence: [5, 4, 5] },
        { title: 'Upsell offers sent', kind: 'increase', start: 0, target: 40, unit: 'offers', story: 1.2, step: 1, confidence: [7, 8, 8] },
      ],
    },
    {
      team: 0,
      title: 'We win the mid-sized manufacturers of the region',
      goalType: 'moonshot',
      tactic: 'We bring customers into the process before the result is ready',
      keyResults: [
        { title: 'New manufacturing customers', kind: 'increase', start: 0, target: 10, unit: 'customers', story: 0.5, step: 1, confidence: [5, 5, 4] },
        { title: 'Qualified leads from trade fairs', kind: 'increase', start: 0, target: 50, unit: 'leads', story: 0.8, step: 1, confidence: [6, 6, 7] },
        { title: 'Reference customers ready for a case study', kind: 'increase', start: 0, target: 3, unit: 'customers', story: 0.6, step: 1, confidence: [6, 5, 6] },
      ],
    },
    {
      team: 1,
      title: 'No customer waits for an answer',
      goalType: 'roofshot',
      tactic: 'We share bad news on the day we learn it',
      keyResults: [
        { title: 'Median first response time', kind: 'decrease', start: 24, target: 4, unit: 'hours', weight: 2, story: 1.1, step: 1, confidence: [6, 7, 7] },
        { title: 'Tickets solved on first contact', kind: 'increase', start: 55, target: 75, unit: '%', story: 0.8, step: 1, confidence: [6, 6, 7] },
        { title: 'Tickets older than a week', kind: 'decrease', start: 120, target: 0, unit: 'tickets', story: 0.9, step: 1, confidence: [7, 7, 8] },
      ],
    },
    {
      team: 1,
      title: 'Customers recommend us without being asked',
      goalType: 'moonshot',
      tactic: 'We fix the cause before we add a workaround',
      keyResults: [
        { title: 'NPS', kind: 'increase', start: 30, target: 60, unit: 'points', story: 0.6, step: 1, confidence: [5, 5, 6] },
        { title: 'Five-star online reviews', kind: 'increase', start: 10, target: 60, unit: 'reviews', story: 0.4, step: 1, confidence: [4, 5, 5] },
        { title: 'Uptime within the agreed band', kind: 'maintain', start: 99.5, target: 100, unit: '%', story: 1, step: 0.1, measured: [99.7, 99.4, 99.8], confidence: [8, 6, 8] },
      ],
    },
  ],
  de: [
    {
      team: 0,
      title: 'Bestandskunden kaufen mehr bei uns',
      goalType: 'roofshot',
      tactic: 'Wir wählen immer den Anruf statt der E-Mail',
      keyResults: [
        { title: 'Umsatz pro Bestandskunde', kind: 'increase', start: 50000, target: 60000, unit: 'EUR', weight: 2, story: 1.15, step: 100, confidence: [7, 7, 8] },
        { title: 'Kündigungsquote', kind: 'decrease', start: 8, target: 5, unit: '%', story: 0.5, step: 0.1, confidence: [5, 4, 5] },
        { title: 'Versendete Upsell-Angebote', kind: 'increase', start: 0, target: 40, unit: 'Angebote', story: 1.2, step: 1, confidence: [7, 8, 8] },
      ],
    },
    {
      team: 0,
      title: 'Wir gewinnen den Mittelstand der Region',
      goalType: 'moonshot',
      tactic: 'Wir holen Kunden ins Boot, bevor das Ergebnis fertig ist',
      keyResults: [
        { title: 'Neue Kunden aus der Fertigung', kind: 'increase', start: 0, target: 10, unit: 'Kunden', story: 0.5, step: 1, confidence: [5, 5, 4] },
        { title: 'Qualifizierte Leads von Messen', kind: 'increase', start: 0, target: 50, unit: 'Leads', story: 0.8, step: 1, confidence: [6, 6, 7] },
        { title: 'Referenzkunden für eine Fallstudie', kind: 'increase', start: 0, target: 3, unit: 'Kunden', story: 0.6, step: 1, confidence: [6, 5, 6] },
      ],
    },
    {
      team: 1,
      title: 'Kein Kunde wartet auf eine Antwort',
      goalType: 'roofshot',
      tactic: 'Wir teilen schlechte Nachrichten am selben Tag',
      keyResults: [
        { title: 'Median der Erstantwortzeit', kind: 'decrease', start: 24, target: 4, unit: 'Stunden', weight: 2, story: 1.1, step: 1, confidence: [6, 7, 7] },
        { title: 'Beim ersten Kontakt gelöste Tickets', kind: 'increase', start: 55, target: 75, unit: '%', story: 0.8, step: 1, confidence: [6, 6, 7] },
        { title: 'Tickets älter als eine Woche', kind: 'decrease', start: 120, target: 0, unit: 'Tickets', story: 0.9, step: 1, confidence: [7, 7, 8] },
      ],
    },
    {
      team: 1,
      title: 'Kunden empfehlen uns ungefragt weiter',
      goalType: 'moonshot',
      tactic: 'Wir beheben die Ursache, bevor wir einen Workaround bauen',
      keyResults: [
        { title: 'NPS', kind: 'increase', start: 30, target: 60, unit: 'Punkte', story: 0.6, step: 1, confidence: [5, 5, 6] },
        { title: 'Fünf-Sterne-Bewertungen online', kind: 'increase', start: 10, target: 60, unit: 'Bewertungen', story: 0.4, step: 1, confidence: [4, 5, 5] },
        { title: 'Verfügbarkeit im vereinbarten Band', kind: 'maintain', start: 99.5, target: 100, unit: '%', story: 1, step: 0.1, measured: [99.7, 99.4, 99.8], confidence: [8, 6, 8] },
      ],
    },
  ],
};

const FOCUS: Record<Lang, string[]> = {
  en: ['Call the ten largest customers', 'Prepare the trade fair', 'Close the two pilots'],
  de: ['Die zehn größten Kunden anrufen', 'Messe vorbereiten', 'Die zwei Piloten abschließen'],
};

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function mondayOf(date: Date): Date {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 9, 0, 0);
  return new Date(d.getTime() - ((d.getDay() + 6) % 7) * DAY);
}

/** The sample's cycle: this quarter when the three weeks before this one lie in it, else 13 weeks from the first of them. */
function sampleCycle(today: Date): { quarter?: number; start: Date; end: Date } {
  const first = new Date(mondayOf(today).getTime() - 21 * DAY);
  const quarter = Math.floor(today.getMonth() / 3);
  const quarterStart = new Date(today.getFullYear(), quarter * 3, 1);
  if (first >= quarterStart) return { quarter: quarter + 1, start: quarterStart, end: new Date(today.getFullYear(), quarter * 3 + 3, 0) };
  return { start: first, end: new Date(first.getTime() + 90 * DAY) };
}

/** The set-up answer for the sample's cycle. */
export function sampleCycleAnswer(lang: Lang, today: Date): string {
  const cycle = sampleCycle(today);
  const teams = TEAMS[lang].join(', ');
  if (cycle.quarter) return `Q${cycle.quarter} ${today.getFullYear()}; ${teams}`;
  return `${lang === 'de' ? 'Beispielzyklus' : 'Sample cycle'}; ${isoOf(cycle.start)}; ${isoOf(cycle.end)}; ${teams}`;
}

/**
 * The value a team types in week `week` (1-3) on `day`: the pace the cycle
 * asks for (up to the goal type's success level: 100 % for a roofshot, 60 %
 * for a moonshot, as the pace column reads it) times the KR's story, in its
 * steps (whole customers, never 1.2 leads).
 */
export function sampleValue(kr: SampleKr, goalType: 'roofshot' | 'moonshot', week: number, day: Date, today: Date): number {
  if (kr.measured) return kr.measured[week - 1];
  const cycle = sampleCycle(today);
  // The value at the end of that week (the Monday after its check-in), so the pace read today is the story's.
  const weekEnd = day.getTime() + 4 * DAY;
  const elapsed = Math.max(0, Math.min(1, (weekEnd - cycle.start.getTime()) / (cycle.end.getTime() - cycle.start.getTime())));
  const share = Math.min(1, elapsed * (goalType === 'moonshot' ? 0.6 : 1) * kr.story);
  const raw = kr.start + (kr.target - kr.start) * share;
  const steps = Math.round(raw / kr.step);
  return Number((steps * kr.step).toFixed(kr.step < 1 ? 1 : 0));
}

function fail(what: string, detail: unknown): never {
  throw new Error(`The sample cycle could not be made (${what}): ${JSON.stringify(detail)}`);
}

/** Fills a new workbook with the sample cycle. */
export function seedSample(session: PlaygroundSession): void {
  const lang = session.lang;
  const today = session.now();
  const firstMonday = new Date(mondayOf(today).getTime() - 21 * DAY);
  const setup = session.at(firstMonday, () => session.runMenu('menuSetUpCycle', [{ text: sampleCycleAnswer(lang, today), button: 'OK' }]));
  if (setup.prompt || setup.alerts.length) fail('set-up', setup);
  // Objectives, key results and key tactics, saved from the sidebar.
  const ids: { kr: string[]; tactic: string }[] = [];
  session.at(firstMonday, () => {
    for (const o of OBJECTIVES[lang]) {
      const draft = {
        id: '',
        team: TEAMS[lang][o.team],
        title: o.title,
        goalType: o.goalType,
        parentId: '',
        keyResults: o.keyResults.map((k) => ({ id: '', title: k.title, kind: k.kind, start: k.start, target: k.target, current: null, unit: k.unit, weight: k.weight ?? 1, confidence: o.goalType === 'roofshot' ? 7 : 5, dependsOn: [] })),
        tactics: [{ id: '', principle: o.tactic }],
      };
      const saved = session.call('sidebarSaveObjective', [draft]) as SaveResult;
      if (!saved.ok) fail('objective', saved);
      ids.push({ kr: saved.keyResultIds, tactic: saved.tacticIds[0] ?? '' });
    }
  });
  // Three weekly check-ins, each on the Thursday of its week.
  const ratings: TacticRating[] = ['yes', 'partly', 'yes'];
  for (let week = 1; week <= 3; week++) {
    const thursday = new Date(firstMonday.getTime() + ((week - 1) * 7 + 3) * DAY);
    session.at(thursday, () => {
      const generated = session.runMenu('menuNewWeekly');
      if (generated.prompt) fail('weekly', generated);
      const name = `Weekly ${isoWeek(thursday)}`;
      const sheet = session.spreadsheet.sheetByName(name) ?? fail('weekly sheet', name);
      const keys = sheet.getRange(1, WEEKLY_COLUMN.key, sheet.lastRow(), 1).getValues().map((row) => String(row[0]));
      const type = (key: string, column: number, value: string | number) => {
        const row = keys.indexOf(key) + 1;
        if (row > 0) sheet.getRange(row, column).setValue(value);
      };
      OBJECTIVES[lang].forEach((o, i) => {
        o.keyResults.forEach((kr, k) => {
          const id = ids[i]?.kr[k];
          if (!id) return;
          type(`kr:${id}`, WEEKLY_COLUMN.input, sampleValue(kr, o.goalType, week, thursday, today));
          type(`kr:${id}`, WEEKLY_COLUMN.second, kr.confidence[week - 1]);
        });
        if (ids[i]?.tactic) type(`tactic:${ids[i].tactic}`, WEEKLY_COLUMN.input, TACTIC_RATING_LABELS[lang][ratings[(i + week) % 3]]);
      });
      TEAMS[lang].forEach((team) => type(`focus:${team}`, WEEKLY_COLUMN.input, FOCUS[lang][week - 1]));
      session.activate(name);
      const applied = session.runMenu('menuApplyCheckIn');
      if (applied.prompt || applied.alerts.length) fail('apply', applied);
    });
  }
  const register = session.spreadsheet.sheets[0];
  session.activate(register.name);
  session.save();
}
