import { createAppsScript, type AppsScriptHarness } from '../../emulator/appsScript';
import { REGISTER_ROWS, SETUP } from '../fixtures/realisticCycle';
import { setUpCycle } from '../../src/app/setup';
import { importPreview, importRun, openImportFromMenu } from '../../src/app/import';
import { REGISTER_COLUMN, REGISTER_WIDTH, type RegisterRow } from '../../src/core/layout/register';

/** A team's own goal sheet as it is found in companies: German headers, merged-looking blanks, text numbers, a few bad rows. */
export const MESSY_GERMAN: unknown[][] = [
  ['Ziel', 'Schlüsselergebnis', 'Startwert', 'Zielwert', 'Ist', 'Verantwortlich', 'Einheit', 'Bemerkung'],
  ['Bestandskunden kaufen mehr bei uns', 'Umsatz pro Bestandskunde', '50.000', '60.000', '55.000', 'Sales', 'EUR', 'aus dem CRM'],
  ['', 'Abwanderungsquote', '8,5', '5', '7,4', '', '%', ''],
  ['', 'Empfehlungsquote', 'ca. 20', '40', '', 'Sales', '%', 'noch schätzen'],
  ['Onboarding fühlt sich mühelos an', 'Tage bis Go-live', 100, 60, '', 'customer success', 'Tage', ''],
  ['Onboarding fühlt sich mühelos an', 'Tage bis Go-live', 100, 60, '', 'Customer Success', 'Tage', 'doppelt'],
  ['Die Plattform ist langweilig zuverlässig', 'Verfügbarkeit', 99.9, 99.9, '', 'Platform', '%', ''],
  ['Neue Kolleg:innen sind schnell produktiv', '=HYPERLINK("http://evil.example","klick")', 0, 5, 1, 'People', '', ''],
  ['Marketing macht Lärm', 'Leads', 10, 50, 20, 'Marketing', '', 'Team fehlt'],
  ['', '', '', '', '', '', '', ''],
  ['', '', 5, 10, '', 'People', '', ''],
  ['Wir lernen jede Woche', '', '', '', '', 'People', '', ''],
  ['', 'Gelernte Lektionen', '0', '12', '3', '', 'Stück', ''],
  ['We win the mid-sized manufacturers of the region', 'Neue Kunden aus der Region', 0, 4, '=1+1', 'Sales', 'Kunden', ''],
];

function setUp(options: { locale?: string; rows?: RegisterRow[]; source?: unknown[][] } = {}) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), locale: options.locale ?? 'de_DE', htmlFiles: { Import: '<main id="app"></main>' } });
  const uninstall = h.installGlobals();
  const lang = (options.locale ?? 'de_DE').startsWith('de') ? 'de' : 'en';
  setUpCycle(SETUP, lang, { rows: options.rows ?? REGISTER_ROWS });
  const source = h.spreadsheet.insertSheet('Unsere Ziele');
  const values = options.source ?? MESSY_GERMAN;
  // Text is typed as text (with an apostrophe) so "=HYPERLINK" stays text; "=1+1" is a real formula.
  source
    .getRange(1, 1, values.length, values[0].length)
    .setValues(values.map((line) => line.map((v) => (typeof v === 'string' && v && v !== '=1+1' ? `'${v}` : v))) as never);
  const a1 = `A1:${String.fromCharCode(64 + values[0].length)}${values.length}`;
  h.spreadsheet.setSelection('Unsere Ziele', a1);
  return { h, uninstall, source, a1 };
}

function snapshot(sheet: ReturnType<AppsScriptHarness['spreadsheet']['getSheets']>[number]) {
  const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return { values: range.getValues(), formulas: range.getFormulas(), formats: range.getNumberFormats(), name: sheet.getName(), rows: sheet.getMaxRows() };
}

function registerRows(h: AppsScriptHarness): unknown[][] {
  const sheet = h.spreadsheet.getSheetByName('OKRs')!;
  return sheet.getRange(2, 1, sheet.getLastRow() - 1, REGISTER_WIDTH).getValues().filter((line) => line[0] !== '');
}

describe('import existing OKRs from a messy German sheet', () => {
  let env: ReturnType<typeof setUp>;
  beforeEach(() => (env = setUp()));
  afterEach(() => env.uninstall());

  it('previews the proposed mapping, the readable rows and the unreadable rows with reasons', () => {
    const preview = importPreview();
    expect(preview).toMatchObject({ lang: 'de', sheetName: 'Unsere Ziele', a1: 'A1:H14', readable: 6, objectives: 5 });
    expect(preview.mapping).toEqual(['objective', 'keyResult', 'start', 'target', 'current', 'team', 'unit', 'ignore']);
    expect(preview.headers[7]).toBe('Bemerkung');
    expect(preview.problems.map((p) => p.row)).toEqual([4, 6, 7, 9, 11]);
    expect(preview.problems.find((p) => p.row === 9)!.reason).toContain('Team „Marketing“ steht nicht in den Einstellungen');
    expect(preview.rows.map((r) => r.keyResult)).toContain('=HYPERLINK("http://evil.example","klick")');
    // Everything crosses google.script.run as plain data.
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
  });

  it('imports the readable rows into the register with new ids, leaving the source byte-for-byte unchanged', () => {
    const { h, source, a1 } = env;
    const before = snapshot(source);
    const result = importRun({ sheetName: 'Unsere Ziele', a1, mapping: importPreview().mapping });
    expect(result).toMatchObject({ ok: true, keyResults: 6, objectives: 5, objectiveIds: ['O-13', 'O-14', 'O-15', 'O-16', 'O-2'] });
    expect(snapshot(source)).toEqual(before);
    expect(source.getRange('B8').getValue()).toBe('=HYPERLINK("http://evil.example","klick")');

    const rows = registerRows(h);
    expect(rows).toHaveLength(36 + 6);
    const added = rows.slice(36).map((line) => [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11].map((i) => line[i]));
    expect(added).toEqual([
      ['O-13', 'Bestandskunden kaufen mehr bei uns', 'Sales', 'Roofshot', 'KR-37', 'Umsatz pro Bestandskunde', 'steigern', 50000, 60000, 55000, 'EUR'],
      ['O-13', 'Bestandskunden kaufen mehr bei uns', 'Sales', 'Roofshot', 'KR-38', 'Abwanderungsquote', 'senken', 8.5, 5, 7.4, '%'],
      ['O-14', 'Onboarding fühlt sich mühelos an', 'Customer Success', 'Roofshot', 'KR-39', 'Tage bis Go-live', 'senken', 100, 60, '', 'Tage'],
      ['O-15', 'Neue Kolleg:innen sind schnell produktiv', 'People', 'Roofshot', 'KR-40', '=HYPERLINK("http://evil.example","klick")', 'steigern', 0, 5, 1, ''],
      ['O-16', 'Wir lernen jede Woche', 'People', 'Roofshot', 'KR-41', 'Gelernte Lektionen', 'steigern', 0, 12, 3, 'Stück'],
      ['O-2', 'We win the mid-sized manufacturers of the region', 'Sales', 'Moonshot', 'KR-42', 'Neue Kunden aus der Region', 'steigern', 0, 4, 2, 'Kunden'],
    ]);
    const register = h.spreadsheet.getSheetByName('OKRs')!;
    // Hostile text stays text; every imported row got its formulas, and they compute.
    expect(register.getRange(41, REGISTER_COLUMN.keyResult).getFormula()).toBe('');
    expect(register.getRange(38, REGISTER_COLUMN.krScore).getFormula()).not.toBe('');
    expect(register.getRange(38, REGISTER_COLUMN.krScore).getValue()).toBeCloseTo(0.5);
    expect(register.getRange(39, REGISTER_COLUMN.krScore).getValue()).toBeCloseTo((8.5 - 7.4) / 3.5);
    expect(register.getRange(38, REGISTER_COLUMN.objectiveScore).getValue()).toBeCloseTo((0.5 + (8.5 - 7.4) / 3.5) / 2);
    expect(result.ok && result.message).toContain('6 Key Result(s) in 5 Objective(s) ins Register importiert. 5 Zeile(n)');
  });

  it('importing again adds nothing twice', () => {
    const { h, a1 } = env;
    importRun({ sheetName: 'Unsere Ziele', a1 });
    const again = importRun({ sheetName: 'Unsere Ziele', a1 });
    expect(again.ok).toBe(false);
    expect(again.message).toContain('Nichts zu importieren');
    expect(again.problems.filter((p) => p.reason.includes('Steht schon als KR-'))).toHaveLength(7);
    expect(registerRows(h)).toHaveLength(42);
  });

  it('follows the mapping the person chose, and refuses a mapping without objective or key result', () => {
    const { a1 } = env;
    const mapping = importPreview().mapping;
    const noCurrent = mapping.map((role) => (role === 'current' ? 'ignore' : role));
    const chosen = importPreview({ sheetName: 'Unsere Ziele', a1, mapping: noCurrent });
    expect(chosen.rows.every((r) => r.current === null)).toBe(true);
    // A forged role list is cleaned: unknown roles and second uses become "ignore".
    expect(importPreview({ sheetName: 'Unsere Ziele', a1, mapping: ['objective', 'objective', 'evil', ...mapping.slice(3)] }).mapping.slice(0, 3)).toEqual([
      'objective',
      'ignore',
      'ignore',
    ]);
    const result = importRun({ sheetName: 'Unsere Ziele', a1, mapping: mapping.map((role) => (role === 'keyResult' ? 'ignore' : role)) });
    expect(result).toMatchObject({ ok: false, message: 'Ordne mindestens die Spalten für Objective und Key Result zu.' });
  });

  it('explains a selection inside the register, a vanished range and a missing cycle', () => {
    const { h } = env;
    h.spreadsheet.setSelection('OKRs', 'A1:G10');
    expect(() => importPreview()).toThrow('Die Auswahl liegt im Register selbst');
    expect(() => importRun({ sheetName: 'Gibt es nicht', a1: 'A1:B2' })).toThrow('lässt sich nicht mehr lesen');
  });

  it('the menu item opens the Import page, and a single selected cell reads its sheet', () => {
    const { h } = env;
    h.spreadsheet.setSelection('Unsere Ziele', 'C3');
    openImportFromMenu();
    expect(h.ui.sidebars.at(-1)!.title).toBe('OKR: vorhandene OKRs importieren');
    expect(importPreview().a1).toBe('A1:H14');
  });
});

describe('import scale', () => {
  /** SpreadsheetApp calls of preview and import for a source of n key results. */
  function measure(n: number) {
    const source = [['Objective', 'Key result', 'Start', 'Target', 'Current', 'Team'], ...Array.from({ length: n }, (_, i) => [`Objective ${Math.floor(i / 3) + 1}`, `KR ${i + 1}`, 0, 10, i % 10, SETUP.teams[i % 4]])];
    const env = setUp({ locale: 'en_US', source });
    try {
      env.h.calls.reset();
      importPreview();
      const preview = env.h.calls.total;
      env.h.calls.reset();
      const result = importRun({ sheetName: 'Unsere Ziele', a1: env.a1 });
      expect(result).toMatchObject({ ok: true, keyResults: n });
      return { preview, run: env.h.calls.total };
    } finally {
      env.uninstall();
    }
  }

  it('uses a number of calls that does not grow with the key results', () => {
    const small = measure(6);
    const medium = measure(300);
    const large = measure(600);
    expect(large).toEqual(medium);
    expect(large.preview).toBe(small.preview);
    // Past the register's 200 formula rows it grows once, by a fixed number of calls: getMaxRows, getRange, setFormulas
    // for the formulas; formats, drop-downs (5 rules built), protection, 3 traffic lights, 2 named ranges moved with
    // NamedRange.setRange (getNamedRanges, getName of each) for the layout.
    expect(large.run - small.run).toBeLessThanOrEqual(62);
    expect(large.run).toBeLessThan(100);
  });
});
