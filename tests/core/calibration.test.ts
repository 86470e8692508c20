import { calibrate } from '../../src/core/calibration';
import { okrCalibration } from '../../src/core/sheetFunctions';
import { alignment, dependencies, parseLevel, rollUp, type Level } from '../../src/core/alignment';
import { REGISTER_ROWS, TEAMS } from '../fixtures/realisticCycle';
import type { RegisterRow } from '../../src/core/layout/register';

describe('calibrate', () => {
  it('flags goals reached at 1.0 two cycles in a row as set too low, whatever the goal type', () => {
    expect(calibrate([0.7, 1, 1], 'roofshot')).toBe('too_low');
    expect(calibrate([1, 1.2], 'moonshot')).toBe('too_low');
    expect(calibrate([1, 0.9, 1], 'roofshot')).toBe('ok');
  });
  it('flags moonshots below 0.3 two cycles in a row as set too high, never roofshots', () => {
    expect(calibrate([0.6, 0.2, 0.1], 'moonshot')).toBe('too_high');
    expect(calibrate([0.2, 0.1], 'roofshot')).toBe('ok');
    expect(calibrate([0.2, 0.1], null)).toBe('too_high');
    expect(calibrate([0.2, 0.3], 'moonshot')).toBe('ok');
  });
  it('skips unmeasured cycles and needs two measured ones', () => {
    expect(calibrate([1, null, 1], 'roofshot')).toBe('too_low');
    expect(calibrate([null, 1], 'roofshot')).toBeNull();
    expect(calibrate([], null)).toBeNull();
  });
});

describe('OKR_CALIBRATION logic', () => {
  it('gives one verdict per row of past scores, in the sheet language', () => {
    const out = okrCalibration('de', [[0.5, 1, 1], [0.2, 0.1, ''], [1, '', ''], [0.6, 0.7, 0.65]], [['Roofshot'], ['Moonshot'], ['Roofshot'], ['ambitioniert']]);
    expect(out).toEqual([['zu niedrig gesetzt?'], ['zu hoch gesetzt?'], [''], ['ok']]);
    expect(okrCalibration('en', [[0.1, 0.2]])).toEqual([['set too high?']]);
    expect(okrCalibration('en', [['100%', '1,0']], 'roofshot')).toEqual([['set too low?']]);
  });
  it('names the bad cell', () => {
    expect(() => okrCalibration('en', [[1, 1], [0.5, 'n/a']])).toThrow('OKR_CALIBRATION: scores in row 2, column 2 is "n/a", not a number.');
    expect(() => okrCalibration('de', [[1, 1]], [['Rakete']])).toThrow('OKR_CALIBRATION: goal_type ist "Rakete"');
    expect(() => okrCalibration('en', [[1, 1], [1, 1]], [['moonshot'], ['moonshot'], ['moonshot']])).toThrow('goal_type has 3×1 cells');
  });
});

const row = (objectiveId: string, team: string, parentId: string, krId: string, dependsOn: string[] = []): RegisterRow => ({
  objectiveId, objective: `Objective ${objectiveId}`, team, goalType: 'roofshot', parentId, krId, keyResult: 'kr', kind: 'increase',
  start: 0, target: 1, current: null, unit: '', weight: null, confidence: null, dependsOn,
});

describe('alignment', () => {
  const rows = [
    row('C1', 'Company', '', 'K1'),
    row('S1', 'Sales', 'C1', 'K2', ['Marketing']),
    row('S2', 'Sales', 'S1', 'K3'),
    row('M1', 'Marketing', 'C1', 'K4', ['sales']),
    row('H1', 'HR', '', 'K5'),
    row('X1', 'IT', 'NOPE', 'K6', ['Legal']),
    row('L1', 'IT', 'L2', 'K7'),
    row('L2', 'IT', 'L1', 'K8'),
  ];
  it('builds the tree company > department > team and lists objectives without parent', () => {
    const a = alignment(rows);
    expect(a.objectives.map((o) => [o.id, o.depth, o.level])).toEqual([
      ['C1', 0, 'company'], ['S1', 1, 'department'], ['S2', 2, 'team'], ['M1', 1, 'department'],
      ['H1', 0, 'team'], ['X1', 0, 'team'], ['L1', 0, 'team'], ['L2', 1, 'team'],
    ]);
    expect(a.withoutParent).toEqual(['H1', 'X1', 'L1']);
    expect(a.objectives.find((o) => o.id === 'X1')!.orphan).toBe('unknown_parent');
    expect(a.objectives.find((o) => o.id === 'L1')!.orphan).toBe('loop');
  });
  it('takes levels from Settings: any team can be the company, departments by name, no magic names needed', () => {
    const named = rows.map((r) => (r.team === 'Company' ? { ...r, team: 'Geschäftsführung' } : r));
    // Without levels a team called "Geschäftsführung" is no company: its objective is not aligned.
    expect(alignment(named).withoutParent).toContain('C1');
    const levels = new Map<string, Level>([['geschäftsführung', 'company'], ['Sales', 'department'], ['IT', 'team'], ['HR', 'company']]);
    const a = alignment(named, levels);
    expect(a.objectives.map((o) => [o.id, o.level])).toEqual([
      ['C1', 'company'], ['S1', 'department'], ['S2', 'department'], ['M1', 'department'],
      ['H1', 'company'], ['X1', 'team'], ['L1', 'team'], ['L2', 'team'],
    ]);
    // HR is company level now, so its root objective is aligned; the others stay listed.
    expect(a.withoutParent).toEqual(['X1', 'L1']);
    // The old names still mean company when Settings gives no level.
    expect(alignment(rows, new Map()).objectives.find((o) => o.id === 'C1')!.level).toBe('company');
    expect(parseLevel('Bereich')).toBe('department');
    expect(parseLevel(' UNTERNEHMEN ')).toBe('company');
    expect(parseLevel('Abteilung')).toBe('department');
    expect(parseLevel('boss')).toBeUndefined();
  });
  it('rolls scores up as the mean of own score and children, ignoring the unmeasured', () => {
    const a = alignment(rows);
    const scores = new Map<string, number | null>([['C1', null], ['S1', 0.5], ['S2', 1], ['M1', 0.25], ['H1', null]]);
    const rolled = rollUp(a.objectives, scores);
    expect(rolled.get('S1')).toBeCloseTo(0.75);
    expect(rolled.get('C1')).toBeCloseTo((0.75 + 0.25) / 2);
    expect(rolled.get('H1')).toBeNull();
  });
  it('finds dependencies, mutual pairs, silos and unknown team names', () => {
    const m = dependencies(rows, ['Company', 'Sales', 'Marketing', 'HR', 'IT']);
    expect(m.counts[1][2]).toBe(1);
    expect(m.mutual).toEqual([['Sales', 'Marketing']]);
    expect(m.silos).toEqual(['Company', 'HR', 'IT']);
    expect(m.unknown).toEqual(['Legal']);
  });
  it('reads the realistic cycle: four trees, mutual dependencies, no silo', () => {
    const a = alignment(REGISTER_ROWS);
    expect(a.withoutParent).toEqual(['O-1', 'O-4', 'O-7', 'O-10']);
    expect(a.objectives.filter((o) => o.depth === 1)).toHaveLength(8);
    const m = dependencies(REGISTER_ROWS, TEAMS);
    expect(m.silos).toEqual([]);
    expect(m.mutual).toContainEqual(['Sales', 'Customer Success']);
  });
});
