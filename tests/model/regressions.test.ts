/**
 * Regression tests for what the model-based test found, each through the
 * built dist/Code.js over the in-memory workbook (see world.ts).
 */
import { WEEKLY_COLUMN as W } from '../../src/core/layout/weekly';
import fc from 'fast-check';
import { createWorld, UNEXPLAINED, type World } from './world';
import {
  ApplyCheckIn,
  DeleteSheet,
  EditObjective,
  GenerateEventSheet,
  GenerateWeekly,
  RenameSheet,
  SaveNewObjective,
  SetUpCycle,
  StartNextCycle,
  TypeFreeText,
  TypeIntoRegister,
  TypeIntoWeekly,
  checkInvariants,
  initialModel,
} from './addonModel';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { TACTIC_COLUMN } from '../../src/core/layout/tactics';

function cycle(lang: 'en' | 'de' = 'en'): World {
  const world = createWorld(lang);
  world.h.ui.queuePrompt('Q4 2026; Sales, IT');
  world.bundle.menuSetUpCycle();
  return world;
}

const draft = (overrides: Record<string, unknown> = {}) => ({
  team: 'Sales',
  title: 'Customers love us',
  goalType: 'roofshot',
  keyResults: [
    { title: 'Revenue', kind: 'increase', start: 0, target: 100, current: 10, unit: 'EUR', weight: 1 },
    { title: 'Churn', kind: 'decrease', start: 10, target: 5, current: null, unit: '%', weight: 1 },
  ],
  tactics: [],
  ...overrides,
});

function save(world: World, value: unknown) {
  const result = world.call('sidebarSaveObjective', value);
  if (!result.ok || !result.value.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.value as { objectiveId: string; keyResultIds: string[]; tacticIds: string[] };
}

const register = (world: World) => world.sheet('OKRs')!;
const cell = (world: World, row: number, key: keyof typeof REGISTER_COLUMN) => register(world).getRange(row, REGISTER_COLUMN[key]);

describe('what people typed into the register survives the add-on', () => {
  it('a sidebar save keeps text and formulas typed into current value and confidence', () => {
    const world = cycle();
    const { objectiveId } = save(world, draft());
    cell(world, 2, 'current').setValue('about 40');
    cell(world, 3, 'current').setValue('=40+2');
    cell(world, 2, 'confidence').setValue('high');
    cell(world, 3, 'confidence').setValue('=2*4');
    const loaded = world.call('sidebarLoadObjective', objectiveId);
    if (!loaded.ok) throw new Error('load failed');
    save(world, { ...loaded.value, title: 'Customers love us a lot' });
    expect(cell(world, 2, 'objective').getValue()).toBe('Customers love us a lot');
    expect(cell(world, 2, 'current').getValue()).toBe('about 40');
    expect(cell(world, 3, 'current').getFormula()).toBe('=40+2');
    expect(cell(world, 3, 'current').getValue()).toBe(42);
    expect(cell(world, 2, 'confidence').getValue()).toBe('high');
    expect(cell(world, 3, 'confidence').getFormula()).toBe('=2*4');
  });

  it('a current value changed in the sidebar is written', () => {
    const world = cycle();
    const { objectiveId } = save(world, draft());
    cell(world, 2, 'current').setValue('=40+2');
    const loaded = world.call('sidebarLoadObjective', objectiveId) as { ok: true; value: any };
    loaded.value.keyResults[0].current = 55;
    save(world, loaded.value);
    expect(cell(world, 2, 'current').getFormula()).toBe('');
    expect(cell(world, 2, 'current').getValue()).toBe(55);
  });

  it("applying a check-in keeps formulas typed into other KRs' current value and confidence", () => {
    const world = cycle();
    save(world, draft());
    cell(world, 3, 'current').setValue('=6+1');
    cell(world, 3, 'confidence').setValue('=2*4');
    world.bundle.menuNewWeekly();
    const weekly = world.sheet('Weekly 2026-W48')!;
    const keys = weekly.getRange(1, W.key, weekly.getLastRow(), 1).getValues().map((line) => line[0]);
    weekly.getRange(keys.indexOf('kr:KR-1') + 1, W.input).setValue(30);
    weekly.getRange(keys.indexOf('kr:KR-1') + 1, W.second).setValue(7);
    world.bundle.menuApplyCheckIn();
    expect(cell(world, 2, 'current').getValue()).toBe(30);
    expect(cell(world, 2, 'confidence').getValue()).toBe(7);
    expect(cell(world, 3, 'current').getFormula()).toBe('=6+1');
    expect(cell(world, 3, 'confidence').getFormula()).toBe('=2*4');
  });

  it('regenerating a weekly keeps formulas typed into its new value, confidence and note cells', () => {
    const world = cycle();
    save(world, draft());
    world.bundle.menuNewWeekly();
    const weekly = world.sheet('Weekly 2026-W48')!;
    const rowOf = (key: string) => weekly.getRange(1, W.key, weekly.getLastRow(), 1).getValues().map((line) => line[0]).indexOf(key) + 1;
    weekly.getRange(rowOf('kr:KR-1'), W.input).setValue('=40+2');
    weekly.getRange(rowOf('kr:KR-1'), W.second).setValue('=3+4');
    weekly.getRange(rowOf('kr:KR-1'), W.note).setValue('="seen "&"today"');
    save(world, draft({ title: 'A second objective' })); // new KRs: the weekly's rows move
    world.bundle.menuNewWeekly();
    const row = rowOf('kr:KR-1');
    const formulas = weekly.getRange(row, 1, 1, W.note).getFormulas()[0];
    expect([formulas[W.input - 1], formulas[W.second - 1], formulas[W.note - 1]]).toEqual(['=40+2', '=3+4', '="seen "&"today"']);
    world.bundle.menuApplyCheckIn();
    expect(cell(world, 2, 'current').getValue()).toBe(42);
    expect(cell(world, 2, 'confidence').getValue()).toBe(7);
    const log = world.sheet('Check-in log')!.getDataRange().getValues();
    expect(log.filter((line) => line[2] === 'KR-1').map((line) => line[8])).toEqual(['seen today']);
  });
});

describe('ids', () => {
  it('a deleted objective’s KR and tactic ids are not given out again (the log and old weeklies refer to them)', () => {
    const world = cycle();
    const first = save(world, draft({ tactics: [{ principle: 'Call before e-mail' }] }));
    expect(first).toMatchObject({ objectiveId: 'O-1', keyResultIds: ['KR-1', 'KR-2'], tacticIds: ['T-1'] });
    expect(world.call('sidebarDeleteObjective', 'O-1')).toEqual({ ok: true, value: { ok: true } });
    const second = save(world, draft({ tactics: [{ principle: 'Call before e-mail' }] }));
    expect(second).toMatchObject({ objectiveId: 'O-2', keyResultIds: ['KR-3', 'KR-4'], tacticIds: ['T-2'] });
  });
});

describe('a deleted Tactics sheet', () => {
  it.each([
    ['with Settings', false],
    ['without Settings', true],
  ])('is made again when the sidebar saves tactics (%s)', (_, deleteSettings) => {
    const world = cycle();
    world.h.spreadsheet.deleteSheet(world.sheet('Tactics')!);
    if (deleteSettings) world.h.spreadsheet.deleteSheet(world.sheet('Settings')!);
    const mark = world.mark();
    const saved = save(world, draft({ tactics: [{ principle: 'We always choose a call over an e-mail' }] }));
    expect(saved.tacticIds).toEqual(['T-1']);
    const tactics = world.sheet('Tactics')!;
    expect(tactics.getRange(2, TACTIC_COLUMN.principle).getValue()).toBe('We always choose a call over an e-mail');
    expect(world.messagesSince(mark).alerts.filter((a) => UNEXPLAINED.test(a))).toEqual([]);
  });
});

describe('sequences the soak found', () => {
  it('a renamed register keeps text a sidebar save trimmed ("\\r=1+1" typed as a unit), seed 12001', () => {
    const world = createWorld('en');
    const model = initialModel('en');
    const commands = [
      new SetUpCycle(['Sales', 'IT'], false),
      new DeleteSheet(16),
      new SaveNewObjective('Nobody', '=1+1', [{ title: 'Customers love us', kind: 'increase', current: null }], []),
      new TypeIntoRegister(2, 'unit', "'\r=1+1"),
      new EditObjective(0, null, null, false, null, null),
      new RenameSheet(0),
    ];
    fc.modelRun(() => ({ model, real: world }), commands);
    checkInvariants(model, world, true);
    expect(model.frozen.get('OKRs (renamed)')).toBeDefined();
    expect(world.sheet('OKRs (renamed)')!.getRange(2, REGISTER_COLUMN.unit).getValue()).toBe('=1+1');
  });
});

describe('the next cycle in the model', () => {
  it('archives everything people typed (register, weekly, review, log) and goes on in the new cycle, twice', () => {
    const world = createWorld('en');
    const model = initialModel('en');
    const commands = [
      new SetUpCycle(['Sales', 'IT'], false),
      new SaveNewObjective(0, 'Customers love us', [{ title: 'Repeat orders', kind: 'increase', current: 10 }, { title: 'Churn', kind: 'decrease', current: null }], ['Call before e-mail']),
      new TypeIntoRegister(1, 'unit', "'=HYPERLINK(\"http://x\",\"y\")"),
      new GenerateWeekly(0),
      new TypeIntoWeekly(0, 0, W.input, 40),
      new TypeIntoWeekly(0, 0, W.note, '="seen "&"today"'),
      new ApplyCheckIn(0, 0, 'once'),
      new GenerateEventSheet('menuNewReview'),
      new TypeFreeText(0, 0, "'we learned a lot"),
      new StartNextCycle('NO'),
      new StartNextCycle('YES'),
      new TypeIntoRegister(0, 'current', '=40+2'),
      new SaveNewObjective(1, 'Fewer incidents', [{ title: 'Incidents', kind: 'decrease', current: 50 }], []),
      new GenerateWeekly(1),
      new TypeIntoWeekly(0, 0, W.input, 12),
      new ApplyCheckIn(1, 0, 'twice'),
      new StartNextCycle('YES'),
    ];
    fc.modelRun(() => ({ model, real: world }), commands);
    checkInvariants(model, world, true);
    const sheets = world.h.spreadsheet.getSheets().map((s) => s.getName());
    expect(sheets).toEqual(
      expect.arrayContaining(['OKRs', 'OKRs (Q4 2026)', 'OKRs (Q1 2027)', 'Weekly 2026-W48 (Q4 2026)', 'Check-in log (Q4 2026)', 'Check-in log (Q1 2027)']),
    );
    expect([...model.frozen.keys()]).toEqual(expect.arrayContaining(['OKRs (Q4 2026)', 'Weekly 2026-W48 (Q4 2026)', 'OKRs (Q1 2027)']));
    expect(model.krCells.size).toBe(3); // both objectives' key results carried into Q2 2027
    expect(model.steps.filter((s) => s.startsWith('startNextCycle'))).toHaveLength(3);
  });
});
