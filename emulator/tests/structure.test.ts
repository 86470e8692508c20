/**
 * Structural edits a user makes (insert, delete, move rows and columns; sort; merges; sheet rename,
 * delete, move; paste values over formulas) and how everything that points into the grid follows
 * them, one rule per test (emulator/README.md lists each with its source in Google's reference).
 */
import { createAppsScript } from '../appsScript';

function setup() {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z') });
  const app = h.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.setName('Register');
  return { h, app, ss, sheet };
}

/** A small register a person keeps: header, three key results. */
function register(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  sheet.getRange('A1:D4').setValues([
    ['Key result', 'Start', 'Target', 'Current'],
    ['Umsatz steigern', 10, 20, 15],
    ['Kosten senken', 100, 50, 80],
    ['NPS erhöhen', 30, 60, 45],
  ]);
  sheet.getRange('E2:E4').setFormulas([['=(D2-B2)/(C2-B2)'], ['=(D3-B3)/(C3-B3)'], ['=(D4-B4)/(C4-B4)']]);
}

describe('columns: insert', () => {
  it('shifts cells right and every reference to them, in this sheet and in others', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=AVERAGE(Register!E2:E4)');
    dash.getRange('A2').setFormula("=Register!$D$3");
    sheet.insertColumnsBefore(2, 1); // a person adds "Owner" after the title
    sheet.getRange('B1').setValue('Owner');
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual(['Key result', 'Owner', 'Start', 'Target', 'Current', '']);
    expect(sheet.getRange('F2').getFormula()).toBe('=(E2-C2)/(D2-C2)');
    expect(sheet.getRange('F2').getValue()).toBe(0.5);
    expect(dash.getRange('A1').getFormula()).toBe('=AVERAGE(Register!F2:F4)');
    expect(dash.getRange('A2').getFormula()).toBe('=Register!$E$3');
    expect(dash.getRange('A2').getValue()).toBe(80);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('insertColumnAfter, insertColumnsAfter and insertColumns(index, n) insert where the reference says', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('A1:D1').getValues()[0]).toEqual(['a', '', 'b', 'c']);
    sheet.insertColumnsAfter(3, 2);
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual(['a', '', 'b', '', '', 'c']);
    sheet.insertColumns(1, 1);
    expect(sheet.getRange('A1:B1').getValues()[0]).toEqual(['', 'a']);
    expect(() => sheet.insertColumnsAfter(0, 1)).toThrow('Those columns are out of bounds.');
  });

  it('a range that spans the insertion point grows', () => {
    const { ss, sheet } = setup();
    register(sheet);
    sheet.getRange('G1').setFormula('=SUM(B2:D2)');
    ss.setNamedRange('Zahlen', sheet.getRange('B2:D4'));
    sheet.insertColumnAfter(2);
    expect(sheet.getRange('H1').getFormula()).toBe('=SUM(B2:E2)');
    expect(ss.getRangeByName('Zahlen')!.getA1Notation()).toBe('B2:E4');
  });
});

describe('columns: delete', () => {
  it('a formula that read a deleted cell shows #REF!, one that read a range shrinks', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=Register!B2');
    dash.getRange('A2').setFormula('=SUM(Register!B2:D2)');
    sheet.deleteColumn(2); // "Start" deleted
    expect(dash.getRange('A1').getValue()).toBe('#REF!');
    expect(dash.getRange('A2').getFormula()).toBe('=SUM(Register!B2:C2)');
    expect(dash.getRange('A2').getValue()).toBe(35);
    expect(sheet.getRange('D2').getFormula()).toBe('=(C2-#REF!)/(B2-#REF!)');
    expect(sheet.getRange('D2').getValue()).toBe('#REF!');
  });

  it('deleteColumns refuses positions outside the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteColumns(26, 2)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(0, 1)).toThrow('Those columns are out of bounds.');
  });
});

describe('rows', () => {
  it('insertRowsBefore / After shift rows, formulas, row heights and hidden rows', () => {
    const { sheet } = setup();
    register(sheet);
    sheet.setRowHeight(3, 40);
    sheet.hideRows(4);
    sheet.getRange('G1').setFormula('=SUM(D2:D4)');
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getRange('A5').getValue()).toBe('Kosten senken');
    expect(sheet.getRowHeight(5)).toBe(40);
    expect(sheet.isRowHiddenByUser(6)).toBe(true);
    expect(sheet.isRowHiddenByUser(4)).toBe(false);
    expect(sheet.getRange('G1').getFormula()).toBe('=SUM(D2:D6)');
    expect(sheet.getRange('E5').getFormula()).toBe('=(D5-B5)/(C5-B5)');
    sheet.insertRows(1);
    expect(sheet.getRange('A2').getValue()).toBe('Key result');
  });

  it('deleteRows removes rows; a reference to a deleted row becomes #REF!', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=Register!D3');
    dash.getRange('A2').setFormula('=COUNTA(Register!A2:A4)');
    sheet.deleteRows(3, 1);
    expect(sheet.getRange('A3').getValue()).toBe('NPS erhöhen');
    expect(dash.getRange('A1').getValue()).toBe('#REF!');
    expect(dash.getRange('A2').getFormula()).toBe('=COUNTA(Register!A2:A3)');
    expect(dash.getRange('A2').getValue()).toBe(2);
  });
});

describe('moving rows and columns', () => {
  it('moveColumns: destinationIndex counts before the move; cells and references follow the moved cells', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=Register!D2');
    // "Current" (D) moved next to the title: before column B.
    sheet.moveColumns(sheet.getRange('D1:D4'), 2);
    expect(sheet.getRange('A1:E1').getValues()[0]).toEqual(['Key result', 'Current', 'Start', 'Target', '']);
    expect(dash.getRange('A1').getFormula()).toBe('=Register!B2');
    expect(dash.getRange('A1').getValue()).toBe(15);
    expect(sheet.getRange('E2').getFormula()).toBe('=(B2-C2)/(D2-C2)');
    expect(sheet.getRange('E2').getValue()).toBe(0.5);
  });

  it('moveRows follows the Sheets API example: 0,1,2,3,4 with rows 2-3 moved to 5 gives 0,3,1,2,4', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A5').setValues([[0], [1], [2], [3], [4]]);
    sheet.getRange('B1').setFormula('=A2*10');
    sheet.moveRows(sheet.getRange('A2:A3'), 5);
    expect(sheet.getRange('A1:A5').getValues().map((r) => r[0])).toEqual([0, 3, 1, 2, 4]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A3*10');
    expect(sheet.getRange('B1').getValue()).toBe(10);
    sheet.moveRows(sheet.getRange('4:4'), 1);
    expect(sheet.getRange('A1:A5').getValues().map((r) => r[0])).toEqual([2, 0, 3, 1, 4]);
  });

  it('moving a block onto itself changes nothing; a destination outside the sheet throws', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.moveColumns(sheet.getRange('B:B'), 2);
    sheet.moveColumns(sheet.getRange('B:B'), 3);
    expect(sheet.getRange('A1:C1').getValues()[0]).toEqual(['a', 'b', 'c']);
    expect(() => sheet.moveColumns(sheet.getRange('B:B'), 28)).toThrow('Those columns are out of bounds.');
  });

  it('a merge, a protection, a conditional format and a validation move with their cells', () => {
    const { app, ss, sheet } = setup();
    register(sheet);
    sheet.getRange('A6:B6').merge();
    sheet.getRange('C2:C4').protect().setDescription('targets');
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$E2<0.3').setBackground('red').setRanges([sheet.getRange('A2:E4')]).build();
    sheet.setConditionalFormatRules([rule]);
    const list = ss.insertSheet('Lists');
    list.getRange('A1:A2').setValues([['Team A'], ['Team B']]);
    sheet.getRange('F2').setDataValidation(app.newDataValidation().requireValueInRange(list.getRange('A1:A2')).build());
    list.insertRowsBefore(1, 1);
    sheet.insertColumnsBefore(1, 1);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('B7:C7').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('B7').getMergedRanges()[0].getA1Notation()).toBe('B7:C7');
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('D3:D5');
    const [moved] = sheet.getConditionalFormatRules();
    expect(moved.getRanges()[0].getA1Notation()).toBe('B3:F5');
    expect(moved.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$F3<0.3']);
    const criteria = sheet.getRange('G3').getDataValidation()!.getCriteriaValues();
    expect((criteria[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('A2:A3');
  });
});

describe('sort', () => {
  it('orders numbers, then text (case-insensitive), then booleans; blanks last in both directions', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A7').setValues([['b'], [3], [''], [true], ['A'], [-1], [false]]);
    sheet.getRange('B1:B7').setValues([[1], [2], [3], [4], [5], [6], [7]]);
    sheet.getRange('A1:B7').sort(1);
    expect(sheet.getRange('A1:A7').getValues().map((r) => r[0])).toEqual([-1, 3, 'A', 'b', false, true, '']);
    expect(sheet.getRange('B1:B7').getValues().map((r) => r[0])).toEqual([6, 2, 5, 1, 7, 4, 3]);
    sheet.getRange('A1:B7').sort({ column: 1, ascending: false });
    expect(sheet.getRange('A1:A7').getValues().map((r) => r[0])).toEqual([true, false, 'b', 'A', 3, -1, '']);
  });

  it('sorts by several columns, stable for equal keys, and dates as numbers', () => {
    const { sheet } = setup();
    sheet.getRange('A2:C5').setValues([
      ['Team B', '2026-10-01', 'x'],
      ['Team A', '2026-12-01', 'y'],
      ['Team B', '2026-09-01', 'z'],
      ['Team A', '2026-12-01', 'w'],
    ]);
    sheet.getRange('A2:C5').sort([1, { column: 2, ascending: false }]);
    expect(sheet.getRange('C2:C5').getValues().map((r) => r[0])).toEqual(['y', 'w', 'x', 'z']);
  });

  it('formulas in sorted rows keep reading their own row; references from outside keep their position', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=Register!A2');
    sheet.getRange('A2:E4').sort({ column: 5, ascending: false }); // by progress
    expect(sheet.getRange('A2:A4').getValues().map((r) => r[0])).toEqual(['Umsatz steigern', 'NPS erhöhen', 'Kosten senken']);
    expect(sheet.getRange('E3').getFormula()).toBe('=(D3-B3)/(C3-B3)');
    expect(sheet.getRange('E4').getValue()).toBe(0.4);
    expect(dash.getRange('A1').getFormula()).toBe('=Register!A2');
  });

  it('Sheet.sort sorts every row below the frozen header by a column', () => {
    const { sheet } = setup();
    register(sheet);
    sheet.setFrozenRows(1);
    sheet.sort(3, false);
    expect(sheet.getRange('A1:A4').getValues().map((r) => r[0])).toEqual(['Key result', 'NPS erhöhen', 'Kosten senken', 'Umsatz steigern']); // by Target: 60, 50, 20
    expect(sheet.getRange('E2').getFormula()).toBe('=(D2-B2)/(C2-B2)');
  });

  it('refuses a sort column outside the range and a range with vertically merged cells', () => {
    const { sheet } = setup();
    register(sheet);
    expect(() => sheet.getRange('A2:B4').sort(3)).toThrow('The sort column must be within the specified range.');
    sheet.getRange('F2:F3').merge();
    expect(() => sheet.getRange('A2:F4').sort(2)).toThrow('vertically merged cells');
  });
});

describe('merges', () => {
  it('merge keeps the top-left value; breakApart of part of a merge throws; deleting the merged rows removes the merge', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([['kept', 'lost'], ['lost', 'lost']]);
    sheet.getRange('A1:B2').merge();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['kept', ''], ['', '']]);
    expect(() => sheet.getRange('A1').breakApart()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    sheet.deleteRows(1, 2);
    expect(sheet.getRange('A1:B2').isPartOfMerge()).toBe(false);
  });
});

describe('sheets: rename, delete, move', () => {
  it('renaming a sheet rewrites the formulas that name it', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=Register!D2');
    sheet.setName('OKR Register');
    expect(dash.getRange('A1').getFormula()).toBe("='OKR Register'!D2");
    expect(dash.getRange('A1').getValue()).toBe(15);
    expect(() => dash.setName('okr register')).toThrow('A sheet with the name "okr register" already exists. Please enter another name.');
  });

  it('deleting a sheet leaves #REF! in the formulas that read it', () => {
    const { ss, sheet } = setup();
    register(sheet);
    const scratch = ss.insertSheet('Notizen');
    scratch.getRange('A1').setValue(7);
    sheet.getRange('G1').setFormula('=Notizen!A1*2+1');
    ss.deleteSheet(scratch);
    expect(sheet.getRange('G1').getFormula()).toBe('=#REF!*2+1');
    expect(sheet.getRange('G1').getValue()).toBe('#REF!');
  });

  it('a custom-formula validation on another sheet keeps its own references and follows the edited sheet', () => {
    const { app, ss, sheet } = setup();
    register(sheet);
    const weekly = ss.insertSheet('Weekly');
    weekly.getRange('A1').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=AND(A1>=0,A1<=Register!C2)').build());
    sheet.insertRowsBefore(1, 2);
    expect(weekly.getRange('A1').getDataValidation()!.getCriteriaValues()).toEqual(['=AND(A1>=0,A1<=Register!C4)']);
  });

  it('moveActiveSheet puts the active sheet at a 1-based position and refuses others', () => {
    const { ss } = setup();
    ss.insertSheet('B');
    ss.insertSheet('C');
    ss.getSheetByName('C')!.activate();
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['C', 'Register', 'B']);
    expect(() => ss.moveActiveSheet(4)).toThrow('out of range');
  });
});

describe('paste values over formulas', () => {
  it('copyTo with PASTE_VALUES replaces formulas by the values they showed', () => {
    const { app, sheet } = setup();
    register(sheet);
    sheet.getRange('E2:E4').copyTo(sheet.getRange('E2:E4'), app.CopyPasteType.PASTE_VALUES, false);
    expect(sheet.getRange('E2:E4').getFormulas()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange('E2:E4').getValues()).toEqual([[0.5], [0.4], [0.5]]);
    sheet.getRange('D2').setValue(20);
    expect(sheet.getRange('E2').getValue()).toBe(0.5); // no longer computed
  });

  it('copyTo with {contentsOnly: true} copies formulas, adjusted to where they land, without formats', () => {
    const { sheet } = setup();
    register(sheet);
    sheet.getRange('E2').setBackground('yellow');
    sheet.getRange('E2').copyTo(sheet.getRange('F3'), { contentsOnly: true });
    expect(sheet.getRange('F3').getFormula()).toBe('=(E3-C3)/(D3-C3)');
    expect(sheet.getRange('F3').getBackground()).toBe('#ffffff');
  });

  it('setValues over formula cells replaces the formulas', () => {
    const { sheet } = setup();
    register(sheet);
    sheet.getRange('E2:E3').setValues([['fertig'], [1]]);
    expect(sheet.getRange('E2:E3').getFormulas()).toEqual([[''], ['']]);
    expect(sheet.getRange('E2:E3').getValues()).toEqual([['fertig'], [1]]);
  });
});
