/**
 * Developer metadata as the Sheets API and the Apps Script reference describe it: where it may sit,
 * who sees it, how it follows rows and columns, what finding it costs. One rule per test.
 */
import { createAppsScript } from '../appsScript';
import { takeSnapshot, restoreSnapshot } from '../snapshot';

function setup() {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), scriptId: 'okr-addon' });
  const app = h.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.setName('OKRs');
  sheet.getRange('A1:D1').setValues([['ID', 'Key result', 'Start', 'Current']]);
  return { h, app, ss, sheet, PROJECT: app.DeveloperMetadataVisibility.PROJECT, DOCUMENT: app.DeveloperMetadataVisibility.DOCUMENT };
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** The column each tag names, read as the add-on would: one finder per sheet. */
function columnsByKey(sheet: Sheet, key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const md of sheet.createDeveloperMetadataFinder().withKey(key).find()) out[md.getValue()!] = md.getLocation().getColumn()!.getColumn();
  return out;
}

describe('developer metadata: locations', () => {
  it('sits on the spreadsheet, a sheet, whole rows or whole columns', () => {
    const { app, ss, sheet, PROJECT } = setup();
    ss.addDeveloperMetadata('okr.version', '3', PROJECT);
    sheet.addDeveloperMetadata('okr.sheet', 'register', PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'start', PROJECT);
    sheet.getRange('2:2').addDeveloperMetadata('okr.kr', 'kr-1');
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['okr.version', '3']]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['okr.sheet']);
    expect(sheet.getRange('C:C').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['start']);
    const row = sheet.getRange('2:2').getDeveloperMetadata()[0];
    expect(row.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.ROW);
    expect([row.getLocation().getRow()!.getRow(), row.getLocation().getRow()!.getNumRows(), row.getLocation().getRow()!.getNumColumns()]).toEqual([2, 1, 26]);
    expect(row.getLocation().getColumn()).toBeNull();
    expect(row.getLocation().getSheet()).toBeNull();
    const top = ss.getDeveloperMetadata()[0].getLocation();
    expect(String(top.getLocationType())).toBe('SPREADSHEET');
    expect(top.getSpreadsheet()!.getId()).toBe(ss.getId());
  });

  it('on any other range it throws as Sheets does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('C2:C10').addDeveloperMetadata('okr.column', 'start')).toThrow('Adding developer metadata to arbitrary ranges is not currently supported.');
    expect(() => sheet.getRange('A1').addDeveloperMetadata('x')).toThrow('an entire row or column');
  });

  it('addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility); default visibility DOCUMENT, value null', () => {
    const { ss, sheet, PROJECT, DOCUMENT } = setup();
    sheet.addDeveloperMetadata('a');
    sheet.addDeveloperMetadata('b', PROJECT);
    sheet.addDeveloperMetadata('c', 'PROJECT'); // a value, not a visibility
    sheet.addDeveloperMetadata('d', 'v', DOCUMENT);
    const seen = sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())]);
    expect(seen).toEqual([
      ['a', null, 'DOCUMENT'],
      ['b', null, 'PROJECT'],
      ['c', 'PROJECT', 'DOCUMENT'],
      ['d', 'v', 'DOCUMENT'],
    ]);
    expect(() => sheet.addDeveloperMetadata('')).toThrow('Developer metadata must always have a key specified.');
    expect(() => (sheet as any).addDeveloperMetadata('e', 'v', 'PROJECT')).toThrow("don't match the method signature");
    expect(() => (ss as any).addDeveloperMetadata(42)).toThrow("don't match the method signature");
  });

  it('ids are positive and unique', () => {
    const { sheet } = setup();
    for (let i = 0; i < 20; i++) sheet.getRange(`${i + 2}:${i + 2}`).addDeveloperMetadata('kr', `kr-${i}`);
    const ids = sheet.createDeveloperMetadataFinder().find().map((m) => m.getId());
    expect(new Set(ids).size).toBe(20);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
  });
});

describe('developer metadata: visibility', () => {
  it('PROJECT metadata is visible only to the script that created it; DOCUMENT metadata to every script', () => {
    const { h, sheet, PROJECT, DOCUMENT } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title', PROJECT);
    sheet.getRange('D:D').addDeveloperMetadata('shared', 'current', DOCUMENT);
    const seenByOther = h.asScript('another-add-on', () => sheet.createDeveloperMetadataFinder().find().map((m) => m.getKey()));
    expect(seenByOther).toEqual(['shared']);
    expect(h.asScript('another-add-on', () => sheet.getRange('B:B').getDeveloperMetadata())).toEqual([]);
    expect(sheet.createDeveloperMetadataFinder().find().map((m) => m.getKey())).toEqual(['okr.column', 'shared']);
    expect(h.globals.ScriptApp.getScriptId()).toBe('okr-addon');
  });

  it('another script cannot change or remove PROJECT metadata it got hold of before', () => {
    const { h, sheet, PROJECT } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title', PROJECT);
    const [md] = sheet.getRange('B:B').getDeveloperMetadata();
    expect(() => h.asScript('another-add-on', () => md.remove())).toThrow('No developer metadata with id');
  });
});

describe('developer metadata: follows its row or column', () => {
  it('column metadata moves with its column on insert and move, and disappears when the column is deleted', () => {
    const { sheet, PROJECT } = setup();
    ['id', 'title', 'start', 'current'].forEach((name, i) => sheet.getRange(1, i + 1, sheet.getMaxRows(), 1).addDeveloperMetadata('okr.column', name, PROJECT));
    sheet.insertColumnsBefore(2, 1); // a person adds "Owner"
    expect(columnsByKey(sheet, 'okr.column')).toEqual({ id: 1, title: 3, start: 4, current: 5 });
    sheet.moveColumns(sheet.getRange('E:E'), 4); // "current" right after the title (before old column 4)
    expect(columnsByKey(sheet, 'okr.column')).toEqual({ id: 1, title: 3, current: 4, start: 5 });
    sheet.deleteColumn(5);
    expect(columnsByKey(sheet, 'okr.column')).toEqual({ id: 1, title: 3, current: 4 });
  });

  it('row metadata moves with its row on insert, move and a sort of whole rows; deleted with its row', () => {
    const { sheet } = setup();
    sheet.getRange('A2:B4').setValues([['kr-3', 'c'], ['kr-1', 'a'], ['kr-2', 'b']]);
    for (let r = 2; r <= 4; r++) sheet.getRange(`${r}:${r}`).addDeveloperMetadata('okr.kr', String(sheet.getRange(r, 1).getValue()));
    const rows = () => Object.fromEntries(sheet.createDeveloperMetadataFinder().withKey('okr.kr').find().map((m) => [m.getValue(), m.getLocation().getRow()!.getRow()]));
    sheet.insertRowsBefore(3, 1);
    expect(rows()).toEqual({ 'kr-3': 2, 'kr-1': 4, 'kr-2': 5 });
    sheet.deleteRow(3);
    sheet.getRange(2, 1, 3, sheet.getMaxColumns()).sort(1);
    expect(sheet.getRange('A2:A4').getValues().map((r) => r[0])).toEqual(['kr-1', 'kr-2', 'kr-3']);
    expect(rows()).toEqual({ 'kr-1': 2, 'kr-2': 3, 'kr-3': 4 });
    sheet.moveRows(sheet.getRange('4:4'), 2);
    expect(rows()).toEqual({ 'kr-3': 2, 'kr-1': 3, 'kr-2': 4 });
    sheet.deleteRows(3, 1);
    expect(rows()).toEqual({ 'kr-3': 2, 'kr-2': 3 });
  });

  it('sheet metadata survives a rename and goes with the deleted sheet', () => {
    const { ss, sheet, PROJECT } = setup();
    const log = ss.insertSheet('Check-in log');
    log.addDeveloperMetadata('okr.sheet', 'log', PROJECT);
    log.getRange('A:A').addDeveloperMetadata('okr.column', 'when', PROJECT);
    log.setName('Protokoll');
    const found = ss.createDeveloperMetadataFinder().withKey('okr.sheet').withValue('log').find();
    expect(found.map((m) => m.getLocation().getSheet()!.getName())).toEqual(['Protokoll']);
    ss.deleteSheet(log);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
    expect(sheet.getName()).toBe('OKRs');
  });
});

describe('developer metadata: finder', () => {
  it('withKey, withValue, withLocationType, withVisibility and withId narrow the search', () => {
    const { app, ss, sheet, PROJECT, DOCUMENT } = setup();
    sheet.addDeveloperMetadata('okr.sheet', 'register', PROJECT);
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title', PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'start', DOCUMENT);
    sheet.getRange('2:2').addDeveloperMetadata('okr.kr', 'kr-1', PROJECT);
    const f = () => ss.createDeveloperMetadataFinder();
    expect(f().withKey('okr.column').find().length).toBe(2);
    expect(f().withKey('okr.column').withValue('start').find().map((m) => m.getLocation().getColumn()!.getA1Notation())).toEqual(['C:C']);
    expect(f().withLocationType(app.DeveloperMetadataLocationType.ROW).find().map((m) => m.getValue())).toEqual(['kr-1']);
    expect(f().withVisibility(DOCUMENT).find().map((m) => m.getValue())).toEqual(['start']);
    const id = f().withValue('title').find()[0].getId();
    expect(f().withId(id).find().map((m) => m.getValue())).toEqual(['title']);
    expect(f().withKey('nothing').find()).toEqual([]);
  });

  it('a range finder matches its exact location, or with onIntersectingLocations every row and column it crosses', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title');
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'start');
    sheet.getRange('3:3').addDeveloperMetadata('okr.kr', 'kr-2');
    expect(sheet.getRange('B:B').createDeveloperMetadataFinder().find().map((m) => m.getValue())).toEqual(['title']);
    expect(sheet.getRange('B2:C3').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(sheet.getRange('B2:C3').createDeveloperMetadataFinder().onIntersectingLocations().find().map((m) => m.getValue())).toEqual(['title', 'start', 'kr-2']);
    expect(() => sheet.createDeveloperMetadataFinder().onIntersectingLocations()).toThrow('only valid for a search scoped to a range');
  });

  it('a sheet finder sees only that sheet; the spreadsheet finder sees all', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Weekly');
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title');
    other.getRange('A:A').addDeveloperMetadata('okr.column', 'key');
    ss.addDeveloperMetadata('okr.version', '3');
    expect(other.createDeveloperMetadataFinder().find().map((m) => m.getValue())).toEqual(['key']);
    expect(ss.createDeveloperMetadataFinder().find().length).toBe(3);
  });

  it('finding every column of a sheet costs two document calls, however many columns', () => {
    const { h, sheet, PROJECT } = setup();
    for (let c = 1; c <= 20; c++) sheet.getRange(1, c, sheet.getMaxRows(), 1).addDeveloperMetadata('okr.column', `col${c}`, PROJECT);
    const counted = h.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('OKRs')!;
    h.calls.reset();
    const columns = columnsByKey(counted, 'okr.column');
    expect(Object.keys(columns).length).toBe(20);
    expect(columns.col7).toBe(7);
    expect(h.calls.document).toBe(1); // find(); the finder and its filters are builder calls
    expect(h.calls.builder).toBe(2); // createDeveloperMetadataFinder, withKey
    expect(h.calls.byMethod['DeveloperMetadataFinder.find']).toBe(1);
    expect(h.calls.local).toBe(20 * 4); // getValue, getLocation, getColumn, Range.getColumn: answered locally
  });
});

describe('developer metadata: changing it', () => {
  it('setKey, setValue, setVisibility change the stored entry; remove deletes it', () => {
    const { h, sheet, PROJECT, DOCUMENT } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title', DOCUMENT);
    const [md] = sheet.getRange('B:B').getDeveloperMetadata();
    md.setKey('okr.col').setValue('titel').setVisibility(PROJECT);
    expect([md.getKey(), md.getValue(), String(md.getVisibility())]).toEqual(['okr.col', 'titel', 'PROJECT']);
    const [again] = sheet.getRange('B:B').getDeveloperMetadata();
    expect([again.getKey(), again.getValue()]).toEqual(['okr.col', 'titel']);
    expect(h.asScript('other', () => sheet.getRange('B:B').getDeveloperMetadata())).toEqual([]);
    again.remove();
    expect(sheet.getRange('B:B').getDeveloperMetadata()).toEqual([]);
    expect(() => md.setValue('x')).toThrow('No developer metadata with id');
  });

  it('moveToColumn, moveToRow, moveToSheet, moveToSpreadsheet relocate it; a non-column range is refused', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Weekly');
    sheet.getRange('B:B').addDeveloperMetadata('tag', 'x');
    const [md] = sheet.getRange('B:B').getDeveloperMetadata();
    md.moveToColumn(sheet.getRange('D:D'));
    expect(md.getLocation().getColumn()!.getA1Notation()).toBe('D:D');
    expect(() => md.moveToColumn(sheet.getRange('D1:D5'))).toThrow('Adding developer metadata to arbitrary ranges is not currently supported.');
    md.moveToRow(sheet.getRange('5:5'));
    expect(sheet.getRange('5:5').getDeveloperMetadata().length).toBe(1);
    md.moveToSheet(other);
    expect(other.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['x']);
    md.moveToSpreadsheet();
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['x']);
  });

  it('a returned object is a snapshot: after an edit, find again', () => {
    const { sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('okr.column', 'start');
    const [before] = sheet.createDeveloperMetadataFinder().find();
    sheet.insertColumnBefore(1);
    expect(before.getLocation().getColumn()!.getColumn()).toBe(3);
    expect(sheet.createDeveloperMetadataFinder().find()[0].getLocation().getColumn()!.getColumn()).toBe(4);
  });
});

describe('developer metadata: snapshots', () => {
  it('survives takeSnapshot / restoreSnapshot with visibility and project', () => {
    const { h, ss, sheet, PROJECT } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('okr.column', 'title', PROJECT);
    h.asScript('other', () => sheet.addDeveloperMetadata('theirs', 'x', PROJECT));
    ss.addDeveloperMetadata('okr.version', '3');
    const snap = JSON.parse(JSON.stringify(takeSnapshot(h.spreadsheet)));
    const copy = createAppsScript({ scriptId: 'okr-addon' });
    restoreSnapshot(copy.spreadsheet, snap);
    const cs = copy.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(cs.createDeveloperMetadataFinder().find().map((m) => m.getKey())).toEqual(['okr.column', 'okr.version']);
    expect(copy.asScript('other', () => cs.createDeveloperMetadataFinder().find().map((m) => m.getKey()))).toEqual(['theirs', 'okr.version']);
    const [col] = cs.getSheetByName('OKRs')!.createDeveloperMetadataFinder().withKey('okr.column').find();
    expect(col.getLocation().getColumn()!.getA1Notation()).toBe('B:B');
    // New ids do not collide with restored ones.
    cs.addDeveloperMetadata('new');
    const ids = cs.createDeveloperMetadataFinder().find().map((m) => m.getId());
    expect(new Set(ids).size).toBe(ids.length);
  });
});
