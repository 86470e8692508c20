/**
 * The .xlsx export read back with exceljs: native formulas stay formulas,
 * Sheets-only and custom-function formulas become their values (with a note),
 * number formats, list validations, conditional formats, frozen rows and
 * named ranges arrive.
 */
import ExcelJS from 'exceljs';
import { REGISTER_COLUMN } from '../../src/core/layout/register';
import { exportWorkbook, isPortable, renameSheetsInFormula, rowHeights, wrappedLines, xlsxFormula } from '../../playground/export';
import { realisticSession } from './realistic';
import type { PlaygroundSession } from '../../playground/session';

let session: PlaygroundSession;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  session = realisticSession('en');
  const other = session.spreadsheet.getSheetByName('Sheet1')!;
  other.getRange('A1:C2').setValues([[0, 10, 5], [0, 10, 20]]);
  other.getRange('D1').setFormula('=ARRAYFORMULA(A1:A2+B1:B2)');
  other.getRange('E1').setFormula('=OKR_SCORE(A1:A2,B1:B2,C1:C2)');
  other.getRange('F1').setFormula('=SUM(A1:C1)');
  other.getRange('A4').setValue('2026-10-01');
  other.getRange('G1').setFormula('=SPARKLINE(A1:C1)');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook(session.spreadsheet)) as never);
}, 30_000);

describe('the .xlsx export', () => {
  it('keeps every sheet in order, the register frozen below its header', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(session.spreadsheet.sheets.map((s) => s.name));
    const okrs = wb.getWorksheet('OKRs')!;
    expect(okrs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes the register’s score formulas as formulas, with results and number formats', () => {
    const okrs = wb.getWorksheet('OKRs')!;
    const score = okrs.getCell(2, REGISTER_COLUMN.krScore);
    const fake = session.spreadsheet.getSheetByName('OKRs')!;
    expect((score.value as ExcelJS.CellFormulaValue).formula).toBe(fake.getRange(2, REGISTER_COLUMN.krScore).getFormula().slice(1));
    expect((score.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(fake.getRange(2, REGISTER_COLUMN.krScore).getValue() as number, 12);
    expect(score.numFmt).toBe('0%');
    expect(okrs.getCell(2, REGISTER_COLUMN.current).value).toBe(55000);
  });

  it('writes drop-downs as list validations and the traffic lights as conditional formats', () => {
    const okrs = wb.getWorksheet('OKRs')!;
    const team = okrs.getCell(2, REGISTER_COLUMN.team).dataValidation;
    expect(team.type).toBe('list');
    const goal = okrs.getCell(2, REGISTER_COLUMN.goalType).dataValidation;
    expect(goal).toMatchObject({ type: 'list', formulae: ['"Roofshot,Moonshot"'] });
    const rules = (okrs as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules.map((r) => r.rules[0].style.fill.bgColor.argb)).toEqual(expect.arrayContaining(['FFB7E1CD', 'FFFCE8B2', 'FFF4C7C3']));
    expect(rules[0].rules[0].formulae[0]).toMatch(/^OR\(AND\(ISNUMBER\(P2\)/);
  });

  it('exports Sheets-only and custom-function formulas as their values, noting the formula', () => {
    const sheet = wb.getWorksheet('Sheet1')!;
    expect(sheet.getCell('D1').value).toBe(10);
    expect(sheet.getCell('D2').value).toBe(10);
    expect(String(sheet.getCell('D1').note)).toContain('=ARRAYFORMULA(A1:A2+B1:B2)');
    expect(sheet.getCell('E1').value).toBe(0.5);
    expect(sheet.getCell('E2').value).toBe(1);
    expect((sheet.getCell('F1').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(A1:C1)');
    expect(sheet.getCell('A4').value).toEqual(new Date(Date.UTC(2026, 9, 1))); // the serial day 46296, read back by exceljs as a date
    expect(sheet.getCell('A4').numFmt).toBe('yyyy-mm-dd');
  });

  it('leaves cells that only draw in Sheets (SPARKLINE) empty, with a note naming the formula, as the README says', () => {
    const cellG1 = wb.getWorksheet('Sheet1')!.getCell('G1');
    expect(cellG1.value ?? '').toBe('');
    expect(String(cellG1.note)).toContain('=SPARKLINE(A1:C1)');
  });

  it('sets every sheet up for print: A4 landscape, fit to width, the frozen header repeated, a print area ending with the content', () => {
    const okrs = wb.getWorksheet('OKRs')!;
    expect(okrs.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // 200 rows carry formulas; the print area ends with the last key result (the realistic cycle's), not at row 200.
    const fake = session.spreadsheet.getSheetByName('OKRs')!;
    const last = fake.getRange(1, REGISTER_COLUMN.krId, 300, 1).getValues().map((r) => r[0]).lastIndexOf(fake.getRange(1, REGISTER_COLUMN.krId, 300, 1).getValues().map((r) => r[0]).filter(Boolean).pop()) + 1;
    expect(okrs.pageSetup.printArea).toBe(`A1:S${last}`); // exceljs reads back the absolute $A$1:$S$n it wrote
    expect(okrs.pageSetup.printTitlesRow).toBe('1:1');
    expect(wb.worksheets.every((w) => w.pageSetup.orientation === 'landscape' && w.pageSetup.paperSize === 9)).toBe(true);
  });

  it('keeps the named ranges', () => {
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['OKR_KR_IDS', 'OKR_KR_SCORES']));
  });

  it('tells portable formulas from Sheets-only ones, ignoring text in quotes', () => {
    expect(isPortable('=IF(A1="FILTER(x)",1,2)', [])).toBe(true);
    expect(isPortable('=filter(A1:A3,B1:B3)', [])).toBe(false);
    expect(isPortable('=SPARKLINE(A1:A9)', [])).toBe(false);
    expect(isPortable('=1+OKR_PACE(A1,B1,C1)', ['OKR_PACE'])).toBe(false);
    expect(xlsxFormula('=IFS(A1>1,"IFS(",TRUE,CONCAT("a","b"))')).toBe('_xlfn.IFS(A1>1,"IFS(",TRUE,_xlfn.CONCAT("a","b"))');
  });

  it('points formulas at renamed sheets, leaving text in quotes alone', () => {
    const renamed = new Map([['Weekly 2027-W01 (1. Quartal 2027)', 'Weekly 2027-W01 (1. Quartal 20…'], ['Old', 'New']]);
    expect(renameSheetsInFormula(`='Weekly 2027-W01 (1. Quartal 2027)'!E7+Old!A1&"Old!A1"+Other!B2`, renamed)).toBe(`='Weekly 2027-W01 (1. Quartal 20…'!E7+New!A1&"Old!A1"+Other!B2`);
  });

  it('makes rows with wrapped text as high as their lines, so no heading prints cut to one line', () => {
    expect(wrappedLines('short', 160)).toBe(1);
    expect(wrappedLines('Team health: how well did each team cope with the OKR process this cycle?', 160, true)).toBeGreaterThanOrEqual(4);
    const sheet = session.spreadsheet.getSheetByName('Sheet1')!;
    sheet.getRange('A30').setValue('Team health: how well did each team cope with the OKR process this cycle?').setWrap(true);
    sheet.setColumnWidth(1, 160);
    const pt = rowHeights(sheet, session.spreadsheet).get(30)!;
    expect(pt).toBeGreaterThanOrEqual(4 * 12.75);
  });
});
