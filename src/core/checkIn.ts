/**
 * Applying a weekly check-in, as pure data: which log entries to append and
 * which register cells to update. Idempotent: a (week, KR) pair, (week,
 * tactic) pair or (week, team) pair already in the log is neither logged nor
 * applied again, so a second click (or a colleague's simultaneous click, once
 * the lock serialises them) changes nothing. Entries are validated with the
 * `CheckIn` schema; a bad entry is reported by its KR id and not applied.
 */
import { format, type Language } from './i18n';
import { CheckIn, MAX_NOTE } from './schema';
import { numberOf } from './layout/builder';
import { logKey, type LogEntry } from './layout/checkInLog';
import { TACTIC_RATING_LABELS, parseTacticRating, parseYes, type WeeklyEntries } from './layout/weekly';

export interface RegisterState {
  krId: string;
  team: string;
  current: number | null;
  confidence: number | null;
}

export interface TacticState {
  id: string;
  team: string;
}

export interface CheckInInput {
  lang: Language;
  week: string;
  entries: WeeklyEntries;
  log: readonly LogEntry[];
  register: readonly RegisterState[];
  tactics: readonly TacticState[];
  /** ISO day of the apply. */
  today: string;
}

export interface CheckInPlan {
  append: LogEntry[];
  /** New current value and/or confidence per KR id (null: leave as it is). */
  registerUpdates: { krId: string; value: number | null; confidence: number | null }[];
  /** Tactic ids rated this week: their "last discussed" becomes the week. */
  tacticsDiscussed: string[];
  rejected: { id: string; problem: string }[];
  /** Ids whose entries for this week were logged before (not applied again). */
  alreadyLogged: string[];
}

const PROBLEMS = {
  notNumber: { en: 'the new value "{value}" is not a number', de: 'der neue Wert „{value}“ ist keine Zahl' },
  confidence: { en: 'confidence must be a whole number from 0 to 10, not "{value}"', de: 'Zuversicht muss eine ganze Zahl von 0 bis 10 sein, nicht „{value}“' },
  unknownKr: { en: 'no such key result in the register', de: 'dieses Key Result steht nicht im Register' },
  unknownTactic: { en: 'no such key tactic in the Tactics sheet', de: 'diese Key Tactic steht nicht im Blatt Taktiken' },
  rating: { en: 'the rating "{value}" is not one of the choices', de: 'die Bewertung „{value}“ ist keine der Auswahlmöglichkeiten' },
  noteTooLong: { en: 'the note has {length} characters, at most {max} fit', de: 'die Notiz hat {length} Zeichen, höchstens {max} passen' },
  invalid: { en: 'the entry is not valid ({detail})', de: 'der Eintrag ist ungültig ({detail})' },
};

const TEAM_LABELS = {
  en: { assumption: 'Assumption tested', problems: 'Problems', improvements: 'Improvements', unrealistic: 'Target feels unrealistic', focus: 'Focus next week' },
  de: { assumption: 'Getestete Annahme', problems: 'Probleme', improvements: 'Verbesserungen', unrealistic: 'Zielwert wirkt unrealistisch', focus: 'Fokus für die nächste Woche' },
};

const blank = (value: unknown) => value === '' || value === null || value === undefined;

export function planCheckIn(input: CheckInInput): CheckInPlan {
  const { lang, week, today } = input;
  const logged = new Set(input.log.map(logKey));
  const register = new Map(input.register.map((row) => [row.krId, row]));
  const tactics = new Map(input.tactics.map((row) => [row.id, row]));
  const plan: CheckInPlan = { append: [], registerUpdates: [], tacticsDiscussed: [], rejected: [], alreadyLogged: [] };
  const reject = (id: string, problem: string) => plan.rejected.push({ id, problem });
  const log = (entry: LogEntry): boolean => {
    const key = logKey(entry);
    if (logged.has(key)) {
      plan.alreadyLogged.push(entry.id);
      return false;
    }
    logged.add(key);
    plan.append.push(entry);
    return true;
  };

  for (const kr of input.entries.krs) {
    if (blank(kr.value) && blank(kr.confidence) && !kr.note) continue;
    const value = blank(kr.value) ? null : numberOf(kr.value);
    if (!blank(kr.value) && value === null) {
      reject(kr.krId, format(PROBLEMS.notNumber[lang], { value: String(kr.value) }));
      continue;
    }
    const confidence = blank(kr.confidence) ? null : numberOf(kr.confidence);
    const parsed = CheckIn.safeParse({ week, krId: kr.krId, value, confidence, note: kr.note });
    if (!parsed.success) {
      const on = (field: string) => parsed.error.issues.some((issue) => issue.path[0] === field);
      const onConfidence = on('confidence') || (!blank(kr.confidence) && confidence === null);
      reject(
        kr.krId,
        onConfidence
          ? format(PROBLEMS.confidence[lang], { value: String(kr.confidence) })
          : on('note')
            ? format(PROBLEMS.noteTooLong[lang], { length: String(kr.note.trim().length), max: String(MAX_NOTE) })
            : format(PROBLEMS.invalid[lang], { detail: parsed.error.issues.map((issue) => issue.message).join('; ') }),
      );
      continue;
    }
    if (!blank(kr.confidence) && confidence === null) {
      reject(kr.krId, format(PROBLEMS.confidence[lang], { value: String(kr.confidence) }));
      continue;
    }
    const state = register.get(kr.krId);
    if (!state) {
      reject(kr.krId, PROBLEMS.unknownKr[lang]);
      continue;
    }
    const entry = parsed.data;
    const added = log({
      week,
      kind: 'kr',
      id: kr.krId,
      team: state.team,
      previous: state.current,
      value: entry.value,
      confidence: entry.confidence,
      rating: '',
      note: entry.note,
      loggedAt: today,
    });
    if (added && (entry.value !== null || entry.confidence !== null))
      plan.registerUpdates.push({ krId: kr.krId, value: entry.value, confidence: entry.confidence });
  }

  for (const tactic of input.entries.tactics) {
    if (!tactic.rating && !tactic.example) continue;
    const state = tactics.get(tactic.id);
    if (!state) {
      reject(tactic.id, PROBLEMS.unknownTactic[lang]);
      continue;
    }
    const rating = tactic.rating ? parseTacticRating(tactic.rating) : undefined;
    if (tactic.rating && !rating) {
      reject(tactic.id, format(PROBLEMS.rating[lang], { value: tactic.rating }));
      continue;
    }
    const added = log({
      week,
      kind: 'tactic',
      id: tactic.id,
      team: state.team,
      previous: null,
      value: null,
      confidence: null,
      rating: rating ? TACTIC_RATING_LABELS[lang][rating] : '',
      note: tactic.example,
      loggedAt: today,
    });
    if (added) plan.tacticsDiscussed.push(tactic.id);
  }

  for (const team of input.entries.teams) {
    const labels = TEAM_LABELS[lang];
    const parts: string[] = [];
    for (const kind of ['assumption', 'problems', 'improvements', 'unrealistic', 'focus'] as const) {
      const entry = team.entries[kind];
      if (!entry) continue;
      if (kind === 'unrealistic') {
        if (!parseYes(entry.text) && !entry.why) continue;
        parts.push(`${labels[kind]}: ${[entry.text, entry.kr, entry.why].filter(Boolean).join(', ')}`);
      } else if (entry.text) parts.push(`${labels[kind]}: ${entry.text}`);
    }
    if (!parts.length) continue;
    log({
      week,
      kind: 'team',
      id: team.team,
      team: team.team,
      previous: null,
      value: null,
      confidence: null,
      rating: '',
      note: parts.join('\n'),
      loggedAt: today,
    });
  }
  return plan;
}

/**
 * The "last value" a weekly shows per KR: for a week already applied, the
 * value before it (the entry's previous value); otherwise the latest logged
 * value of an earlier week; KRs without history are left out (the register's
 * current value applies).
 */
export function lastValues(log: readonly LogEntry[], week: string): Map<string, number | null> {
  const result = new Map<string, number | null>();
  const best = new Map<string, string>();
  for (const entry of log) {
    if (entry.kind !== 'kr') continue;
    if (entry.week === week) {
      result.set(entry.id, entry.previous);
      best.set(entry.id, '~'); // this week's entry wins over any earlier one
      continue;
    }
    if (entry.week > week || entry.value === null) continue;
    const seen = best.get(entry.id);
    if (seen === undefined || (seen !== '~' && entry.week > seen)) {
      best.set(entry.id, entry.week);
      result.set(entry.id, entry.value);
    }
  }
  return result;
}
