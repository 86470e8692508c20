import { looksLikeHeader, proposeMapping, readImportRows, readNumber } from '../../src/core/importMapping';

describe('proposeMapping', () => {
  it('maps English headers', () => {
    expect(proposeMapping(['Objective', 'Key Result', 'Start', 'Target', 'Current', 'Owner', 'Unit', 'Goal type', 'Direction', 'Comment'])).toEqual([
      'objective', 'keyResult', 'start', 'target', 'current', 'team', 'unit', 'goalType', 'kind', 'ignore',
    ]);
  });

  it('maps German headers and synonyms, "Ziel" as objective when no other column is', () => {
    expect(proposeMapping(['Ziel', 'Schlüsselergebnis', 'Ausgangswert', 'Zielwert (EUR)', 'Ist', 'Abteilung', 'Einheit'])).toEqual([
      'objective', 'keyResult', 'start', 'target', 'current', 'team', 'unit',
    ]);
    expect(proposeMapping(['Objective-Titel', 'KR', 'Baseline', 'Soll', 'Stand', 'Verantwortlich', 'Zieltyp', 'Richtung'])).toEqual([
      'objective', 'keyResult', 'start', 'target', 'current', 'team', 'goalType', 'kind',
    ]);
  });

  it('reads "Ziel" as the target when another column is the objective, and gives each role one column', () => {
    expect(proposeMapping(['Objective', 'Messgröße', 'Startwert', 'Ziel', 'Aktuell', 'Team', 'Team'])).toEqual([
      'objective', 'keyResult', 'start', 'target', 'current', 'team', 'ignore',
    ]);
  });

  it('ignores what it does not know and tells a header from data', () => {
    expect(proposeMapping(['Foo', '', 42, null])).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
    expect(looksLikeHeader(['Ziel', 'KR', 'Ist'])).toBe(true);
    expect(looksLikeHeader(['Mehr Umsatz', 'Umsatz', 50000])).toBe(false);
  });
});

describe('readNumber', () => {
  it.each([
    [12.5, 'de', 12.5, ''],
    ['12,5', 'de', 12.5, ''],
    ['12,5', 'en', 12.5, ''],
    ['1.234,5', 'de', 1234.5, ''],
    ['1,234.5', 'en', 1234.5, ''],
    ['50.000', 'de', 50000, ''],
    ['50.000 €', 'de', 50000, 'EUR'],
    ['1,500', 'en', 1500, ''],
    ['40 %', 'de', 40, '%'],
    ['-3', 'en', -3, ''],
  ] as const)('%p (%s) is %p', (input, lang, value, unit) => {
    expect(readNumber(input, lang)).toEqual({ value, unit });
  });

  it('says blank for blank and null for text that is no number', () => {
    expect(readNumber('', 'de')).toBeUndefined();
    expect(readNumber(null, 'de')).toBeUndefined();
    for (const text of ['ca. 20', 'n/a', 'tbd', '12,5 Tage', '=1+1', '1.2.3,4,5x']) expect(readNumber(text, 'de')).toBeNull();
  });
});

const TEAMS = ['Sales', 'Customer Success', 'People'];
const HEADER = ['Ziel', 'Schlüsselergebnis', 'Startwert', 'Zielwert', 'Ist', 'Verantwortlich', 'Einheit'];

describe('readImportRows on a messy German sheet', () => {
  const values = [
    HEADER,
    ['Bestandskunden kaufen mehr', 'Umsatz pro Kunde', '50.000', '60.000', '55.000', 'Sales', 'EUR'],
    ['', 'Abwanderung', '8,5', '5', '7,4', '', '%'],
    ['', 'Empfehlungen', 'ca. 20', '40', '', 'Sales', '%'],
    ['Onboarding ist mühelos', 'Tage bis Go-live', 100, 60, '', 'customer success', 'Tage'],
    ['onboarding  ist mühelos', 'Tage bis Go-live', 100, 60, '', 'Customer Success', 'Tage'],
    ['Marketing macht Lärm', 'Leads', 10, 50, 20, 'Marketing', ''],
    ['', '', '', '', '', '', ''],
    ['Neue Kolleg:innen sind schnell produktiv', '=HYPERLINK("http://evil.example")', 0, 5, 1, 'People', ''],
    ['Neue Kolleg:innen sind schnell produktiv', 'Buddy-Quote', 50, 50, '', 'People', '%'],
    ['Wir lernen jede Woche', '', '', '', '', 'People', ''],
    ['', 'Gelernte Lektionen', '0', '12', '3', '', 'Stück'],
    ['', '', 5, 10, '', 'People', ''],
  ];
  const read = readImportRows(values, proposeMapping(HEADER), 'de', TEAMS, { firstRow: 1 });

  it('reads the good rows, grouped into objectives, with German numbers and fill-down', () => {
    expect(read.rows.map((r) => [r.sourceRow, r.team, r.objective, r.keyResult, r.kind, r.start, r.target, r.current, r.unit])).toEqual([
      [2, 'Sales', 'Bestandskunden kaufen mehr', 'Umsatz pro Kunde', 'increase', 50000, 60000, 55000, 'EUR'],
      [3, 'Sales', 'Bestandskunden kaufen mehr', 'Abwanderung', 'decrease', 8.5, 5, 7.4, '%'],
      [5, 'Customer Success', 'Onboarding ist mühelos', 'Tage bis Go-live', 'decrease', 100, 60, null, 'Tage'],
      [9, 'People', 'Neue Kolleg:innen sind schnell produktiv', '=HYPERLINK("http://evil.example")', 'increase', 0, 5, 1, ''],
      [12, 'People', 'Wir lernen jede Woche', 'Gelernte Lektionen', 'increase', 0, 12, 3, 'Stück'],
    ]);
    expect(read.objectives).toBe(4);
    expect(read.rows[0].objectiveKey).toBe(read.rows[1].objectiveKey);
  });

  it('lists every unreadable row with its reason, in German', () => {
    expect(read.problems.map((p) => p.row)).toEqual([4, 6, 7, 10, 13]);
    const reason = (row: number) => read.problems.find((p) => p.row === row)!.reason;
    expect(reason(4)).toContain('„ca. 20“ ist keine Zahl');
    expect(reason(6)).toContain('Doppelt zu Zeile 5');
    expect(reason(7)).toContain('Team „Marketing“ steht nicht in den Einstellungen');
    expect(reason(10)).toContain('Startwert und Zielwert sind beide 50');
    expect(reason(13)).toContain('Kein Key-Result-Titel');
  });

  it('reports English reasons, rows already in the register and a missing objective', () => {
    const english = readImportRows(
      [['Objective', 'Key result', 'Start', 'Target', 'Team'], ['', 'Orphan', 1, 2, 'Sales'], ['Grow', 'Revenue', 1, 2, 'Sales']],
      ['objective', 'keyResult', 'start', 'target', 'team'],
      'en',
      TEAMS,
      { existing: [{ team: 'sales', objective: 'grow', keyResult: 'REVENUE', krId: 'KR-7' }] },
    );
    expect(english.problems).toEqual([
      { row: 2, reason: 'No objective: the objective cell is blank and no row above names one.' },
      { row: 3, reason: 'Already in the register as KR-7.' },
    ]);
    expect(english.rows).toEqual([]);
  });

  it('accepts any team when Settings lists none, and rejects unknown goal types and directions', () => {
    const r = readImportRows(
      [['Objective', 'KR', 'Start', 'Target', 'Team', 'Goal type', 'Direction'], ['A', 'x', 1, 2, 'Anyone', 'stretch', 'senken'], ['B', 'y', 1, 2, 'Anyone', 'huge', 'sideways']],
      proposeMapping(['Objective', 'KR', 'Start', 'Target', 'Team', 'Goal type', 'Direction']),
      'en',
      [],
    );
    expect(r.rows.map((row) => [row.goalType, row.kind])).toEqual([['moonshot', 'decrease']]);
    expect(r.problems[0].reason).toMatch(/Goal type "huge" is unknown.*Direction "sideways" is unknown/);
  });
});
