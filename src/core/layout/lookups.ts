/**
 * Lookups designed for linear recalculation. Every lookup here is a direct
 * reference to a cell whose row the add-on knows when it writes the formula,
 * guarded by an equality check on the ID in that row: no MATCH, SUMIFS or
 * SUMPRODUCT over a whole column per cell, so the work of a full
 * recalculation grows with the number of cells, not with its square.
 *
 * Sheets (and the test workbook) move references along when rows are
 * inserted, deleted or moved; a sort of the register would put another row
 * there, which the ID check catches (the cell shows blank until the sheet
 * is generated again).
 */
import type { Language } from '../i18n';
import { SHEET_NAMES } from '../texts';
import { columnLetter, sheetRef } from './plan';
import { REGISTER_COLUMN, type RegisterKey } from './register';

/** An absolute reference to one register cell, e.g. `OKRs!$S$17`. */
export function registerCell(lang: Language, key: RegisterKey, row: number): string {
  return `${sheetRef(SHEET_NAMES[lang].register)}!$${columnLetter(REGISTER_COLUMN[key])}$${row}`;
}

/**
 * A weekly row's pace: the register's pace cell of its KR, read directly from
 * the KR's register row (`registerRow`), shown only while that row still holds
 * the KR (`idCell` is the weekly's KR-ID cell).
 */
export function weeklyPaceFormula(lang: Language, idCell: string, registerRow: number): string {
  return `=IF(${registerCell(lang, 'krId', registerRow)}=${idCell},${registerCell(lang, 'pace', registerRow)}&"","")`;
}

/** A weekly row's KR score, read directly from the KR's register row like its pace (blank once that row holds another KR). */
export function weeklyScoreFormula(lang: Language, idCell: string, registerRow: number): string {
  return `=IF(${registerCell(lang, 'krId', registerRow)}=${idCell},${registerCell(lang, 'krScore', registerRow)},"")`;
}
