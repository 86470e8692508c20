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

interface SampleKr {
  title: string;
  kind: KrKind;
  start: number;
  target: number;
  unit: string;
  weight?: number;
  /** Share of the way from start to target covered per week. */
  pace: number;
}
interface SampleObjective {
  team: number;
  title: string;
  goalType: 'roofshot' | 'moonshot';
  tactic: string;
  keyResults: SampleKr[];
}

const TEAMS: Record<Lang, string[]> = { en: ['Sales', 'Customer Service'], de: ['Vertrieb', 'Kundenservice'] };

const OBJECTIVES: Record<Lang, SampleObjective[]> = {
  en: [
    {
      team: 0,
      title: 'Existing customers buy more from us',
      goalType: 'roofshot',
      tactic: 'We always choose a call over an e-mail',
      keyResults: [
        { title: 'Revenue per existing customer', kind: 'increase', start: 50000, target: 60000, unit: 'EUR', weight: 2, pace: 0.12 },
        { title: 'Churn rate', kind: 'decrease', start: 8, target: 5, unit: '%', pace: 0.05 },
        { title: 'Upsell offers sent', kind: 'increase', start: 0, target: 40, unit: 'offers', pace: 0.2 },
      ],
    },
    {
      team: 0,
      title: 'We win the mid-sized manufacturers of the region',
      goalType: 'moonshot',
      tactic: 'We bring customers into the process before the result is ready',
      keyResults: [
        { title: 'New manufacturing customers', kind: 'increase', start: 0, target: 10, unit: 'customers', pace: 0.04 },
        { title: 'Qualified leads from trade fairs', kind: 'increase', start: 0, target: 50, unit: 'leads', pace: 0.15 },
        { title: 'Reference customers ready for a case study', kind: 'increase', start: 0, target: 3, unit: 'customers', pace: 0.12 },
      ],
    },
    {
      team: 1,
      title: 'No customer waits for an answer',
      goalType: 'roofshot',
      tactic: 'We share bad news on the day we learn it',
      keyResults: [
        { title: 'Median first response time', kind: 'decrease', start: 24, target: 4, unit: 'hours', weight: 2, pace: 0.18 },
        { title: 'Tickets solved on first contact', kind: 'increase', start: 55, target: 75, unit: '%', pace: 0.08 },
        { title: 'Tickets older than a week', kind: 'decrease', start: 120, target: 0, unit: 'tickets', pace: 0.1 },
      ],
    },
    {
      team: 1,
      title: 'Customers recommend us without being asked',
      goalType: 'moonshot',
      tactic: 'We fix the cause before we add a workaround',
      keyResults: [
        { title: 'NPS', kind: 'increase', start: 30, target: 60, unit: 'points', pace: 0.1 },
        { title: 'Five-star online reviews', kind: 'increase', start: 10, target: 60, unit: 'reviews', pace: 0.02 },
        { title: 'Uptime within the agreed band', kind: 'maintain', start: 99.5, target: 100, unit: '%', pace: 0 },
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
        { title: 'Umsatz pro Bestandskunde', kind: 'increase', start: 50000, target: 60000, unit: 'EUR', weight: 2, pace: 0.12 },
        { title: 'Kündigungsquote', kind: 'decrease', start: 8, target: 5, unit: '%', pace: 0.05 },
        { title: 'Versendete Upsell-Angebote', kind: 'increase', start: 0, target: 40, unit: 'Angebote', pace: 0.2 },
      ],
    },
    {
      team: 0,
      title: 'Wir gewinnen den Mittelstand der Region',
      goalType: 'moonshot',
      tactic: 'Wir holen Kunden ins Boot, bevor das Ergebnis fertig ist',
      keyResults: [
        { title: 'Neue Kunden aus der Fertigung', kind: 'increase', start: 0, target: 10, unit: 'Kunden', pace: 0.04 },
        { title: 'Qualifizierte Leads von Messen', kind: 'increase', start: 0, target: 50, unit: 'Leads', pace: 0.15 },
        { title: 'Referenzkunden für eine Fallstudie', kind: 'increase', start: 0, target: 3, unit: 'Kunden', pace: 0.12 },
      ],
    },
    {
      team: 1,
      title: 'Kein Kunde wartet auf eine Antwort',
      goalType: 'roofshot',
      tactic: 'Wir teilen schlechte Nachrichten am selben Tag',
      keyResults: [
        { title: 'Median der Erstantwortzeit', kind: 'decrease', start: 24, target: 4, unit: 'Stunden', weight: 2, pace: 0.18 },
        { title: 'Beim ersten Kontakt gelöste Tickets', kind: 'increase', start: 55, target: 75, unit: '%', pace: 0.08 },
        { title: 'Tickets älter als eine Woche', kind: 'decrease', start: 120, target: 0, unit: 'Tickets', pace: 0.1 },
      ],
    },
    {
      team: 1,
      title: 'Kunden empfehlen uns ungefragt weiter',
      goalType: 'moonshot',
      tactic: 'Wir beheben die Ursache, bevor wir einen Workaround bauen',
      keyResults: [
        { title: 'NPS', kind: 'increase', start: 30, target: 60, unit: 'Punkte', pace: 0.1 },
        { title: 'Fünf-Sterne-Bewertungen online', kind: 'increase', start: 10, target: 60, unit: 'Bewertungen', pace: 0.02 },
        { title: 'Verfügbarkeit innerhalb der vereinbarten Spanne', kind: 'maintain', start: 99.5, target: 100, unit: '%', pace: 0 },
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

/** The set-up answer: this quarter when the three weeks before this one lie in it, else a 13-week cycle from the first of them. */
export function sampleCycleAnswer(lang: Lang, today: Date): string {
  const first = new Date(mondayOf(today).getTime() - 21 * DAY);
  const quarter = Math.floor(today.getMonth() / 3);
  const quarterStart = new Date(today.getFullYear(), quarter * 3, 1);
  const teams = TEAMS[lang].join(', ');
  if (first >= quarterStart) return `Q${quarter + 1} ${today.getFullYear()}; ${teams}`;
  const end = new Date(first.getTime() + 90 * DAY);
  return `${lang === 'de' ? 'Beispielzyklus' : 'Sample cycle'}; ${isoOf(first)}; ${isoOf(end)}; ${teams}`;
}

function valueInWeek(kr: SampleKr, week: number): number {
  if (kr.kind === 'maintain') return [99.6, 99.3, 99.8][week - 1];
  const v = kr.start + (kr.target - kr.start) * Math.min(1, kr.pace * week);
  const step = Math.abs(kr.target - kr.start) >= 20 ? 1 : 0.1;
  return Math.round(v / step) * step === 0 ? 0 : Number((Math.round(v / step) * step).toFixed(1));
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
        keyResults: o.keyResults.map((k) => ({ id: '', title: k.title, kind: k.kind, start: k.start, target: k.target, current: null, unit: k.unit, weight: k.weight ?? 1, confidence: 6, dependsOn: [] })),
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
          type(`kr:${id}`, WEEKLY_COLUMN.input, valueInWeek(kr, week));
          type(`kr:${id}`, WEEKLY_COLUMN.second, Math.min(10, 5 + ((i + k + week) % 4)));
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
