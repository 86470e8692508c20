/**
 * The sample cycle a new playground starts with tells a plausible quarter:
 * whole customers, leads, offers and tickets (never 1.2 leads), values that
 * move from the start towards the target week by week, confidences from 0 to
 * 10, and a mixed picture (some key results on track, some not), in English
 * and German, early and late in a quarter.
 */
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { WEEKLY_COLUMN } from '../../src/core/layout/weekly';
import { seedSample } from '../../playground/sample';
import { PlaygroundSession, type Lang } from '../../playground/session';
import { DIST } from './realistic';

const COUNTED = /^(customers|leads|offers|tickets|reviews|points|hours|Kunden|Leads|Angebote|Tickets|Bewertungen|Punkte|Stunden)$/;
const PACE = { en: ['on track', 'at risk', 'off track'], de: ['im Plan', 'gefährdet', 'nicht im Plan'] };

describe.each([
  ['en', '2026-11-24'],
  ['de', '2026-11-24'],
  ['en', '2026-10-14'],
] as [Lang, string][])('the sample cycle (%s, today %s)', (lang, today) => {
  const session = new PlaygroundSession({ distDir: DIST, lang, today });
  seedSample(session);
  const register = session.spreadsheet.sheets[0];
  const values = register.getRange(2, 1, register.lastRow() - 1, REGISTER_COLUMN.pace).getValues().filter((row) => row[REGISTER_COLUMN.krId - 1] !== '');
  const at = (row: unknown[], column: number) => row[column - 1];

  it('has whole counts, values between start and target, and confidences from 0 to 10', () => {
    expect(values.length).toBe(12);
    for (const row of values) {
      const [start, target, current] = [REGISTER_COLUMN.start, REGISTER_COLUMN.target, REGISTER_COLUMN.current].map((c) => Number(at(row, c)));
      if (COUNTED.test(String(at(row, REGISTER_COLUMN.unit)))) expect(Number.isInteger(current)).toBe(true);
      expect(current).toBeGreaterThanOrEqual(Math.min(start, target));
      expect(current).toBeLessThanOrEqual(Math.max(start, target));
      const confidence = at(row, REGISTER_COLUMN.confidence);
      expect(Number.isInteger(confidence) && (confidence as number) >= 0 && (confidence as number) <= 10).toBe(true);
    }
  });

  it('moves week by week towards the target in the weeklies, in whole counts', () => {
    const weeklies = session.spreadsheet.sheets.filter((s) => /^Weekly \d{4}-W\d\d$/.test(s.name));
    expect(weeklies).toHaveLength(3);
    const byKr = new Map<string, number[]>();
    for (const weekly of weeklies) {
      const rows = weekly.getRange(1, 1, weekly.lastRow(), WEEKLY_COLUMN.key).getValues();
      for (const row of rows) {
        const k = String(row[WEEKLY_COLUMN.key - 1]);
        if (k.startsWith('kr:')) byKr.set(k, [...(byKr.get(k) ?? []), Number(row[WEEKLY_COLUMN.input - 1])]);
      }
    }
    expect(byKr.size).toBe(12);
    for (const row of values) {
      const weeks = byKr.get(`kr:${at(row, REGISTER_COLUMN.krId)}`)!;
      const [start, target] = [Number(at(row, REGISTER_COLUMN.start)), Number(at(row, REGISTER_COLUMN.target))];
      if (at(row, REGISTER_COLUMN.kind) === 'maintain' || at(row, REGISTER_COLUMN.kind) === 'halten') continue;
      const progress = weeks.map((v) => (v - start) / (target - start));
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      if (COUNTED.test(String(at(row, REGISTER_COLUMN.unit)))) expect(weeks.every(Number.isInteger)).toBe(true);
    }
  });

  it('shows a mixed, plausible picture: neither all on track nor all lost, no objective at 0 or 100 %', () => {
    const paces = values.map((row) => String(at(row, REGISTER_COLUMN.pace)));
    expect(paces.every((p) => PACE[lang].includes(p))).toBe(true);
    expect(new Set(paces).size).toBeGreaterThanOrEqual(2);
    expect(paces.filter((p) => p === PACE[lang][0]).length).toBeGreaterThanOrEqual(2);
    for (const row of values) {
      const score = Number(at(row, REGISTER_COLUMN.objectiveScore));
      expect(score).toBeGreaterThan(0.05);
      expect(score).toBeLessThan(0.95);
    }
  });
});
