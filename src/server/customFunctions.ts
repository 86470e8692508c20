/**
 * The custom functions, bound to the spreadsheet's language. Their JSDoc for
 * Sheets' autocomplete lives on the exports in index.ts.
 */
import {
  okrAttainment,
  okrCalibration,
  okrObjectiveScore,
  okrPace,
  okrScore,
  type CellInput,
  type CellOutput,
} from '../core/sheetFunctions';
import { spreadsheetLanguage, spreadsheetTimeZone } from '../sheets/locale';

export function score(start: CellInput, target: CellInput, current: CellInput, direction?: CellInput): CellOutput {
  return okrScore(spreadsheetLanguage(), start, target, current, direction, spreadsheetTimeZone);
}

export function objectiveScore(scores: CellInput, weights?: CellInput): number | string {
  return okrObjectiveScore(spreadsheetLanguage(), scores, weights, spreadsheetTimeZone);
}

export function attainment(score: CellInput, goalType: CellInput, successFrom?: CellInput): CellOutput {
  return okrAttainment(spreadsheetLanguage(), score, goalType, successFrom, spreadsheetTimeZone);
}

export function pace(score: CellInput, start: CellInput, end: CellInput, today?: CellInput, goalType?: CellInput): CellOutput {
  return okrPace(spreadsheetLanguage(), { now: new Date(), timeZone: spreadsheetTimeZone }, score, start, end, today, goalType);
}

export function calibration(scores: CellInput, goalType?: CellInput): CellOutput {
  return okrCalibration(spreadsheetLanguage(), scores, goalType, spreadsheetTimeZone);
}
