import { archiveNames, followingCycle, parseDecision, planNextCycle, readReviewDecisions, type Decision } from '../../src/core/nextCycle';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';

describe('followingCycle', () => {
  it('is the next quarter after a quarter, the rest of the quarter after an odd end, the next month after a month', () => {
    expect(followingCycle({ end: '2026-12-31', cadence: 'quarterly' })).toEqual({ name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', cadence: 'quarterly' });
    expect(followingCycle({ end: '2027-03-31', cadence: 'quarterly' })).toMatchObject({ name: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' });
    expect(followingCycle({ end: '2027-02-14', cadence: 'quarterly' })).toMatchObject({ name: 'Q1 2027', start: '2027-02-15', end: '2027-03-31' });
    expect(followingCycle({ end: '2027-01-31', cadence: 'monthly' })).toEqual({ name: '2027-02', start: '2027-02-01', end: '2027-02-28', cadence: 'monthly' });
  });
  it('names the next quarter in the style of the old name', () => {
    const after = (name: string, end = '2027-03-31') => followingCycle({ name, end, cadence: 'quarterly' }).name;
    expect(after('1. Quartal 2027')).toBe('2. Quartal 2027');
    expect(after('1.Quartal 2027')).toBe('2.Quartal 2027');
    expect(after('4. Quartal 2026', '2026-12-31')).toBe('1. Quartal 2027');
    expect(after('2027-Q1')).toBe('2027-Q2');
    expect(after('2027 Q1')).toBe('2027 Q2');
    expect(after('Q1/2027')).toBe('Q2/2027');
    expect(after('q1 2027')).toBe('q2 2027');
    expect(after('Q1 2027')).toBe('Q2 2027');
    // A name in no quarter style: the plain form, with the right dates.
    expect(followingCycle({ name: 'Pilot', end: '2027-02-26', cadence: 'quarterly' })).toMatchObject({ name: 'Q1 2027', start: '2027-02-27', end: '2027-03-31' });
  });
});

describe('decisions', () => {
  it('reads English and German words', () => {
    expect(['continue', 'Fortführen', 'weiter', 'change', 'ändern', 'drop', 'STREICHEN', '', 'maybe'].map(parseDecision)).toEqual([
      'continue', 'continue', 'continue', 'change', 'change', 'drop', 'drop', null, null,
    ]);
  });

  it('finds them by objective id in column A and the decision in column I', () => {
    const line = (id: string, decision: string) => [id, 'Sales', 'x', 'Roofshot', 0.5, 'partial', '', '', decision, '', '', ''];
    expect([...readReviewDecisions([['Review Q4 2026'], line('O-1', 'continue'), line('O-2', 'ändern'), line('O-3', '')])]).toEqual([
      ['O-1', 'continue'],
      ['O-2', 'change'],
    ]);
  });
});

describe('planNextCycle on the realistic cycle', () => {
  const decisions = new Map<string, Decision>([
    ['O-1', 'continue'],
    ['O-2', 'change'],
    ['O-3', 'drop'],
    ['O-10', 'drop'],
  ]);
  for (const id of ['O-4', 'O-5', 'O-6', 'O-7', 'O-8', 'O-9', 'O-11']) decisions.set(id, 'continue');
  const plan = planNextCycle({ lang: 'en', old: { cycle: SETUP.cycle, teams: SETUP.teams }, rows: REGISTER_ROWS, tactics: TACTIC_ROWS, decisions, quickWins: ['a', 'b', 'c', 'd'] });
  const row = (krId: string) => plan.rows.find((r) => r.row.krId === krId)!;

  it('carries continue, change and undecided objectives with their ids, drops the rest', () => {
    expect(plan.setup.cycle).toMatchObject({ name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' });
    expect(plan.setup.teams).toEqual(SETUP.teams);
    expect(plan.dropped).toEqual(['O-3', 'O-10']);
    expect(plan.changed).toEqual(['O-2']);
    expect(plan.undecided).toEqual(['O-12']);
    expect(new Set(plan.rows.map((r) => r.row.objectiveId)).size).toBe(10);
    expect(plan.rows).toHaveLength(30);
    expect(plan.quickWins).toEqual(['a', 'b', 'c']);
  });

  it('resets current and confidence; the start continues from the last current where that can be scored', () => {
    for (const { row } of plan.rows) expect([row.current, row.confidence]).toEqual([null, null]);
    expect(row('KR-1').row).toMatchObject({ kind: 'increase', start: 55000, target: 60000, weight: 2, unit: 'EUR' }); // from 50000
    expect(row('KR-4').row).toMatchObject({ kind: 'decrease', start: 7.4, target: 5 }); // churn, from 8
    expect(row('KR-2').row).toMatchObject({ kind: 'maintain', start: 99.5, target: 100 }); // a band keeps its edges
    expect(row('KR-3').row).toMatchObject({ start: 100 }); // never measured
    expect(row('KR-6')).toMatchObject({ row: { start: 0, target: 3 }, keyResultNote: 'Reached its target in Q4 2026 (3): raise the target, or drop the key result.' });
  });

  it('flags change and undecided objectives once, clears parents that are not carried, carries tactics', () => {
    expect(plan.rows.filter((r) => r.objectiveNote).map((r) => [r.row.krId, r.objectiveNote.slice(0, 40)])).toEqual([
      ['KR-4', 'Carried from Q4 2026: the review decided'],
      ['KR-34', 'Carried from Q4 2026 without a decision '],
    ]);
    expect(row('KR-31').row.parentId).toBe(''); // O-11's parent O-10 was dropped
    expect(row('KR-4').row.parentId).toBe('O-1');
    expect(plan.tactics.map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-4', 'T-5', 'T-6', 'T-7', 'T-8', 'T-9', 'T-10']);
  });
});

describe('archiveNames', () => {
  it('suffixes the cycle sheets, keeps the review and retrospective names, leaves other sheets', () => {
    const names = ['OKRs', 'Settings', 'Tactics', 'Check-in log', 'Weekly 2026-W47', 'Weekly 2026-W48 (2)', 'Review Q4 2026', 'Retrospektive Q4 2026', 'Review Q3 2026', 'My notes', 'OKRs (Q4 2026)'];
    expect(archiveNames(names, 'Q4 2026')).toEqual([
      { from: 'OKRs', to: 'OKRs (Q4 2026 2)' },
      { from: 'Settings', to: 'Settings (Q4 2026)' },
      { from: 'Tactics', to: 'Tactics (Q4 2026)' },
      { from: 'Check-in log', to: 'Check-in log (Q4 2026)' },
      { from: 'Weekly 2026-W47', to: 'Weekly 2026-W47 (Q4 2026)' },
      { from: 'Weekly 2026-W48 (2)', to: 'Weekly 2026-W48 (2) (Q4 2026)' },
      { from: 'Review Q4 2026', to: 'Review Q4 2026' },
      { from: 'Retrospektive Q4 2026', to: 'Retrospektive Q4 2026' },
    ]);
  });

  it('keeps names within 100 characters', () => {
    const long = 'x'.repeat(90);
    const [rename] = archiveNames(['Einstellungen'], long);
    expect(rename.to.length).toBe(100);
    expect(rename.to.endsWith(`(${long})`)).toBe(true);
  });
});
