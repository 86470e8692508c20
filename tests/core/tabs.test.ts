import { classifyTab, tabOrder } from '../../src/core/tabs';

describe('tab order', () => {
  it('puts the running cycle first, weeklies by week, own sheets, then the Archive list and the archived cycles', () => {
    const names = [
      'Weekly 2027-W12',
      'My notes',
      'OKRs (Q4 2026)',
      'Settings',
      'Weekly 2027-W01',
      'Review Q4 2026',
      'Dashboard',
      'Archive',
      'Weekly 2026-W48 (Q4 2026)',
      'Weekly 2027-W02 (2)',
      'Weekly 2027-W02',
      'Tactics',
      'Review Q1 2027',
      'OKRs',
      'Portfolio',
      'Check-in log',
      'Budget (old)',
      'Settings (Q4 2026)',
    ];
    expect(tabOrder(names, 'Q1 2027').map((t) => t.name)).toEqual([
      'OKRs',
      'Dashboard',
      'Portfolio',
      'Review Q1 2027',
      'Tactics',
      'Check-in log',
      'Settings',
      'Weekly 2027-W01',
      'Weekly 2027-W02',
      'Weekly 2027-W02 (2)',
      'Weekly 2027-W12',
      'My notes',
      'Budget (old)',
      'Archive',
      'OKRs (Q4 2026)',
      'Review Q4 2026',
      'Settings (Q4 2026)',
      'Weekly 2026-W48 (Q4 2026)',
    ]);
  });
  it('knows German sheet names and leaves sheets people named themselves alone', () => {
    expect(classifyTab('Einstellungen', 'Q1 2027').kind).toBe('live');
    expect(classifyTab('Retrospektive 1. Quartal 2027', '1. Quartal 2027').kind).toBe('event');
    expect(classifyTab('Retrospektive 4. Quartal 2026', '1. Quartal 2027')).toEqual({ name: 'Retrospektive 4. Quartal 2026', kind: 'archived', cycle: '4. Quartal 2026' });
    expect(classifyTab('Taktiken (4. Quartal 2026)', '1. Quartal 2027')).toMatchObject({ kind: 'archived', cycle: '4. Quartal 2026' });
    expect(classifyTab('Archiv', 'x').kind).toBe('archive');
    expect(classifyTab('Umsatz (alt)', 'x').kind).toBe('own');
    expect(classifyTab('Sheet1', 'x').kind).toBe('own');
    // Unchanged order when everything is in place: nothing to move.
    const inPlace = ['OKRs', 'Tactics', 'Settings', 'Sheet1'];
    expect(tabOrder(inPlace, 'Q1 2027').map((t) => t.name)).toEqual(inPlace);
  });
});
