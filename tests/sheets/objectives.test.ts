import { loadObjective, saveObjective } from '../../src/app/objectives';
import { setUpCycle } from '../../src/app/setup';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { createAppsScript } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP, TACTIC_ROWS } from '../fixtures/realisticCycle';

function cycle() {
  const h = createAppsScript({ now: new Date(2026, 10, 24, 9) });
  const uninstall = h.installGlobals();
  setUpCycle(SETUP, 'en', { rows: REGISTER_ROWS, tactics: TACTIC_ROWS });
  return { h, uninstall };
}

describe('saving an objective from the sidebar', () => {
  it('keeps formulas people put into its rows when the sidebar left those values alone', () => {
    const { h, uninstall } = cycle();
    try {
      const register = h.spreadsheet.getSheetByName('OKRs')!;
      register.getRange(2, REGISTER_COLUMN.current).setFormula('=50000+5500');
      const draft = loadObjective('O-1');
      expect(draft.keyResults[0].current).toBe(55500);
      draft.title = 'Existing customers choose to buy more from us';
      draft.keyResults[1].target = 4.5;
      const result = saveObjective(draft);
      expect(result.ok).toBe(true);
      expect(register.getRange(2, REGISTER_COLUMN.current).getFormula()).toBe('=50000+5500');
      expect(register.getRange(2, REGISTER_COLUMN.objective).getValue()).toBe('Existing customers choose to buy more from us');
      expect(register.getRange(3, REGISTER_COLUMN.target).getValue()).toBe(4.5);
      // Changing the value in the sidebar replaces the formula with what the user typed there.
      const again = loadObjective('O-1');
      again.keyResults[0].current = 56000;
      saveObjective(again);
      expect(register.getRange(2, REGISTER_COLUMN.current).getFormula()).toBe('');
      expect(register.getRange(2, REGISTER_COLUMN.current).getValue()).toBe(56000);
    } finally {
      uninstall();
    }
  });

  it('rejects a team that is not in Settings and a parent that does not exist, writing nothing', () => {
    const { h, uninstall } = cycle();
    try {
      const before = h.spreadsheet.getSheetByName('OKRs')!.getDataRange().getValues();
      const result = saveObjective({ team: 'Legal', title: 'Contracts are signed fast', goalType: 'roofshot', parentId: 'O-99', keyResults: [], tactics: [] });
      expect(result).toEqual({
        ok: false,
        errors: [
          { path: 'team', code: 'unknown_team', message: 'This team is not in Settings.' },
          { path: 'parentId', code: 'unknown_objective', message: 'No such objective in the register.' },
        ],
      });
      expect(h.spreadsheet.getSheetByName('OKRs')!.getDataRange().getValues()).toEqual(before);
    } finally {
      uninstall();
    }
  });
});
