import { createAppsScript } from '../appsScript';

function setup(opts = {}) {
  const h = createAppsScript({ now: new Date('2026-11-24T10:00:00Z'), ...opts });
  const app = h.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { h, app, ss, sheet };
}

describe('typed input', () => {
  it('treats = as formula and a leading apostrophe as text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+1');
    sheet.getRange('A2').setValue("'=1+1");
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheet.getRange('A2').getValue()).toBe('=1+1');
  });

  it('parses numbers, percents, booleans and ISO dates; keeps text in @ cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['42', '-3.5', '1e3', '50%', 'true', '2026-10-01']]);
    const v = sheet.getRange('A1:F1').getValues()[0];
    expect(v.slice(0, 5)).toEqual([42, -3.5, 1000, 0.5, true]);
    expect(Object.prototype.toString.call(v[5])).toBe('[object Date]');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('2026-10-01');
    sheet.getRange('G1').setNumberFormat('@').setValue('42');
    expect(sheet.getRange('G1').getValue()).toBe('42');
    sheet.getRange('H1').setValue('hello');
    expect(sheet.getRange('H1').getValue()).toBe('hello');
    expect(sheet.getRange('Z99').getValue()).toBe('');
  });

  it('throws like Sheets on dimension mismatches and bad coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow('outside the dimensions');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    expect(() => sheet.getRange(1001, 1).setValue(1)).not.toThrow();
  });
});

describe('formulas', () => {
  it('evaluates the scoring formulas', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['obj', 'start', 'target', 'current', 'score', 'weight']]);
    sheet.getRange('A2:D4').setValues([
      ['x', 0, 10, 5],
      ['x', 0, 10, 20],
      ['y', '', 10, 5],
    ]);
    sheet.getRange('E2:E4').setFormulas([
      ['=IF(OR(B2="",C2=""),"",MIN(1,MAX(0,(D2-B2)/(C2-B2))))'],
      ['=IF(OR(B3="",C3=""),"",MIN(1,MAX(0,(D3-B3)/(C3-B3))))'],
      ['=IF(OR(B4="",C4=""),"",MIN(1,MAX(0,(D4-B4)/(C4-B4))))'],
    ]);
    expect(sheet.getRange('E2:E4').getValues()).toEqual([[0.5], [1], ['']]);
    sheet.getRange('F2').setValue(3);
    sheet.getRange('G2').setFormula('=SUMPRODUCT(($A$2:$A$50=A2)*ISNUMBER($E$2:$E$50)*($F$2:$F$50+($F$2:$F$50="")),$E$2:$E$50)');
    // 3 * 0.5 + 1 (blank weight counts as 1) * 1 = 2.5
    expect(sheet.getRange('G2').getValue()).toBe(2.5);
  });

  it('handles cross-sheet refs, named ranges, whole columns and errors', () => {
    const { ss, sheet, h } = setup();
    const other = ss.insertSheet('Ziele Übersicht');
    other.getRange('A1:A3').setValues([[1], [2], [3]]);
    ss.setNamedRange('Targets', other.getRange('A1:A3'));
    sheet.getRange('A1:A6').setFormulas([
      ["='Ziele Übersicht'!A2*10"],
      ['=SUM(Targets)'],
      ["=SUM('Ziele Übersicht'!A:A)"],
      ['=1/0'],
      ['=NOSUCHFN(1)'],
      ['=A6+1'],
    ]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[20], [6], [6], ['#DIV/0!']]);
    expect(sheet.getRange('A5').getValue()).toBe('#NAME?');
    expect(sheet.getRange('A6').getValue()).toBe('#REF!');
    expect(h.errorMessage(sheet.getName(), 'A6')).toMatch(/Circular/);
    sheet.getRange('B1').setFormula('=COUNTIFS(Targets,">1")+IFERROR(MATCH(3,Targets,0),0)');
    expect(sheet.getRange('B1').getValue()).toBe(5);
    sheet.getRange('B2').setFormula('=TEXT(0.256,"0.0%")&" "&LEN("abc")&SPARKLINE(A1:A3)');
    expect(sheet.getRange('B2').getValue()).toBe('25.6% 3[sparkline]');
    sheet.getRange('B3').setFormula('=IMPORTRANGE("x","A1")');
    expect(sheet.getRange('B3').getValue()).toBe('#REF!');
    sheet.getRange('B4').setFormula('=TODAY()');
    expect(sheet.getRange('B4').getDisplayValue()).toBe('11/24/2026');
  });

  it('runs custom functions with Sheets argument shapes, spills, and reports errors', () => {
    const { sheet, h } = setup();
    const seen: unknown[] = [];
    h.registerCustomFunctions({
      DOUBLE: (x: unknown) => {
        seen.push(x);
        return Array.isArray(x) ? x.map((r) => r.map((v: number) => (v === ('' as unknown) ? '' : v * 2))) : (x as number) * 2;
      },
      BOOM: () => {
        throw new Error('bad input');
      },
      WRITE: () => {
        h.globals.SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1);
        return 1;
      },
    });
    sheet.getRange('A1:A3').setValues([[1], [''], [3]]);
    sheet.getRange('B1').setFormula('=DOUBLE(A1:A3)');
    sheet.getRange('C1').setFormula('=DOUBLE(A1)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [''], [6]]);
    expect(seen).toContainEqual([[1], [''], [3]]);
    expect(seen).toContainEqual(1);
    expect(sheet.getRange('C1').getValue()).toBe(2);
    sheet.getRange('B3').setValue('blocker');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    sheet.getRange('D1').setFormula('=BOOM()');
    expect(sheet.getRange('D1').getValue()).toBe('#ERROR!');
    expect(h.errorMessage(sheet.getName(), 'D1')).toBe('bad input');
    sheet.getRange('E1').setFormula('=WRITE()');
    expect(sheet.getRange('E1').getValue()).toBe('#ERROR!');
    expect(h.errorMessage(sheet.getName(), 'E1')).toMatch(/permission to call setValue/);
    // a total over a spilled column sees the spilled values
    sheet.getRange('B3').setValue('');
    sheet.getRange('F1').setFormula('=SUM(B1:B3)');
    expect(sheet.getRange('F1').getValue()).toBe(8);
  });

  it('computes 600 SUMPRODUCT rows over 1000-row ranges (each row: its group total)', () => {
    const { sheet } = setup();
    const data: (string | number)[][] = [];
    for (let i = 0; i < 999; i++) data.push([`o${i % 20}`, i % 7, i % 3]);
    sheet.getRange(2, 1, 999, 3).setValues(data);
    const formulas: string[][] = [];
    for (let i = 0; i < 600; i++) formulas.push([`=SUMPRODUCT(($A$2:$A$1000=A${i + 2})*ISNUMBER($B$2:$B$1000),$B$2:$B$1000,$C$2:$C$1000)`]);
    sheet.getRange(2, 5, 600, 1).setFormulas(formulas);
    const values = sheet.getRange(2, 5, 600, 1).getValues();
    // Behaviour, not timing (a timed assertion flakes on a busy machine): every row sums its group.
    const expected = (row: number) => data.reduce((sum, line) => (line[0] === data[row][0] ? sum + (line[1] as number) * (line[2] as number) : sum), 0);
    for (const row of [0, 1, 19, 599]) expect(values[row][0]).toBe(expected(row));
  });
});

describe('structure', () => {
  it('shifts values, formulas, named ranges and protections on row insertion and deletion', () => {
    const { ss, sheet, h } = setup();
    const other = ss.insertSheet('Other');
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)+$A$3');
    other.getRange('A1').setFormula('=Sheet1!A3');
    ss.setNamedRange('Vals', sheet.getRange('A1:A3'));
    sheet.getRange('A2').setNote('note').setBackground('red');
    sheet.getRange('A2:A3').protect().setDescription('p');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A4').getValue()).toBe(2);
    expect(sheet.getRange('A4').getNote()).toBe('note');
    expect(sheet.getRange('A4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)+$A$5');
    expect(other.getRange('A1').getFormula()).toBe('=Sheet1!A5');
    expect(ss.getRangeByName('Vals')!.getA1Notation()).toBe('A1:A5');
    expect(sheet.getProtections(h.globals.SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A4:A5');
    sheet.deleteRow(5);
    expect(other.getRange('A1').getFormula()).toBe('=Sheet1!#REF!');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A4)+#REF!');
    expect(() => ss.insertSheet('other')).toThrow('A sheet with the name "other" already exists. Please enter another name.');
  });

  it('stores validations and applies conditional formats', () => {
    const { app, sheet, h } = setup();
    const rule = app.newDataValidation().requireValueInList(['a', 'b'], true).setAllowInvalid(false).setHelpText('pick').build();
    sheet.getRange('A1:A2').setDataValidation(rule);
    expect(sheet.getRange('A3').getDataValidation()).toBeNull();
    const got = sheet.getRange('A1').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['a', 'b'], true]);
    sheet.getRange('A1').setValue('zzz');
    expect(sheet.getRange('A1').getValue()).toBe('zzz');
    expect(h.isValid(sheet.getName(), 'A1')).toBe(false);
    sheet.getRange('B1:B3').setValues([[0.2], [0.5], [0.9]]);
    const red = app.newConditionalFormatRule().whenNumberLessThan(0.4).setBackground('#F00').setRanges([sheet.getRange('B1:B3')]).build();
    const green = app.newConditionalFormatRule().whenFormulaSatisfied('=B1>=0.7').setBackground('green').setRanges([sheet.getRange('B1:B3')]).build();
    sheet.setConditionalFormatRules([red, green]);
    expect(h.effectiveBackground(sheet.getName(), 'B1')).toBe('#ff0000');
    expect(h.effectiveBackground(sheet.getName(), 'B2')).toBe('#ffffff');
    expect(h.effectiveBackground(sheet.getName(), 'B3')).toBe('#008000');
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()!.getCriteriaValues()).toEqual([0.4]);
  });
});

describe('moving protections, rules and names (as a growing register does)', () => {
  it('Protection.setRange moves the protection and keeps its settings; a rule copy keeps its condition; setNamedRange retargets a name', () => {
    const { app, ss, sheet, h } = setup();
    sheet.getRange('B2:B3').setValues([[0.2], [0.9]]);
    sheet.getRange('B2:C2').protect().setWarningOnly(true).setDescription('computed');
    const [protection] = sheet.getProtections(app.ProtectionType.RANGE);
    protection.setRange(sheet.getRange('B2:C5'));
    const moved = sheet.getProtections(app.ProtectionType.RANGE);
    expect(moved).toHaveLength(1);
    expect([moved[0].getRange().getA1Notation(), moved[0].isWarningOnly(), moved[0].getDescription()]).toEqual(['B2:C5', true, 'computed']);

    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=B2<0.4').setBackground('red').setRanges([sheet.getRange('B2:B2')]).build();
    sheet.setConditionalFormatRules([rule]);
    const [got] = sheet.getConditionalFormatRules();
    const grown = got.copy().setRanges([sheet.getRange('B2:B3'), sheet.getRange('D1')]).build();
    // The original rule is unchanged until the copy is set.
    expect(got.getRanges().map((r: any) => r.getA1Notation())).toEqual(['B2']);
    sheet.setConditionalFormatRules([grown]);
    const [now] = sheet.getConditionalFormatRules();
    expect(now.getRanges().map((r: any) => r.getA1Notation())).toEqual(['B2:B3', 'D1']);
    expect(now.getBooleanCondition()!.getCriteriaValues()).toEqual(['=B2<0.4']);
    expect(h.effectiveBackground(sheet.getName(), 'B2')).toBe('#ff0000');
    expect(h.effectiveBackground(sheet.getName(), 'B3')).toBe('#ffffff');

    ss.setNamedRange('IDS', sheet.getRange('A2:A3'));
    ss.setNamedRange('ids', sheet.getRange('A2:A9'));
    expect(ss.getNamedRanges().map((n: any) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['IDS', 'A2:A9']]);
  });
});

describe('services', () => {
  it('counts calls, not internal work', () => {
    const { h } = setup();
    h.calls.reset();
    const sheet = h.globals.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:B2').setFormulas([['=1', '=A1+1'], ['=B1*2', '=SUM(A1:B1)']]);
    sheet.getRange('A1:B2').getValues();
    h.globals.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    expect(h.calls.document).toBe(6);
    expect(h.calls.builder).toBe(3);
    expect(h.calls.byMethod['Range.getValues']).toBe(1);
    h.errorMessage('Sheet1', 'A1');
    expect(h.calls.total).toBe(9);
  });

  it('enforces auth modes', () => {
    const { h } = setup();
    h.setAuthMode('NONE');
    expect(() => h.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(() => h.globals.PropertiesService.getDocumentProperties()).toThrow(/permission/);
    h.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'menuSetUp').addSeparator().addToUi();
    expect(h.ui.menus[0].items[0]).toEqual({ caption: 'Set up', functionName: 'menuSetUp' });
    expect(h.globals.Session.getActiveUserLocale()).toBe('en');
    h.setAuthMode('CUSTOM_FUNCTION');
    const range = h.globals.SpreadsheetApp.getActiveSpreadsheet().getRange('A1');
    expect(range.getValue()).toBe('');
    expect(() => range.setValues([[1]])).toThrow(/You do not have permission to call setValues/);
    expect(() => h.globals.LockService.getDocumentLock()).toThrow(/permission/);
  });

  it('simulates lock contention between two users', () => {
    const { h } = setup();
    h.holdLock('document', 'user-b');
    const lock = h.globals.LockService.getDocumentLock();
    expect(lock.tryLock(100)).toBe(false);
    expect(() => lock.waitLock(100)).toThrow('Lock timeout: another process was holding the lock for too long.');
    h.releaseLock('document');
    expect(lock.tryLock(100)).toBe(true);
    expect(h.asUser('user-b', () => h.globals.LockService.getDocumentLock().tryLock(0))).toBe(false);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('enforces property limits', () => {
    const { h } = setup();
    const props = h.globals.PropertiesService.getDocumentProperties();
    props.setProperty('a', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('b', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'y'.repeat(9000));
    expect(() => props.setProperty('last', 'y'.repeat(9000))).toThrow(/quota/);
    expect(props.getKeys()).toContain('k0');
  });

  it('records ui, html and formats dates', () => {
    const { h } = setup({ htmlFiles: { Sidebar: '<h1><?= title ?></h1><?!= raw ?>' } });
    const t = h.globals.HtmlService.createTemplateFromFile('Sidebar') as GoogleAppsScript.HTML.HtmlTemplate & { title: string; raw: string };
    t.title = '<b>';
    t.raw = '<i>ok</i>';
    const out = t.evaluate().setTitle('OKR');
    h.globals.SpreadsheetApp.getUi().showSidebar(out);
    expect(h.ui.sidebars[0]).toMatchObject({ title: 'OKR', html: '<h1>&lt;b&gt;</h1><i>ok</i>' });
    h.ui.queueResponse('NO');
    const ui = h.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(() => ui.prompt('Name?')).toThrow('unexpected prompt: Name?');
    h.ui.queuePrompt('Q1');
    expect(ui.prompt('Name?').getResponseText()).toBe('Q1');
    h.globals.SpreadsheetApp.getActive().toast('done', 'OKR', 3);
    expect(h.ui.toasts).toEqual([{ message: 'done', title: 'OKR', timeoutSeconds: 3 }]);
    expect(h.globals.Utilities.formatDate(new Date('2026-10-01T22:30:00Z'), 'Europe/Berlin', 'yyyy-MM-dd HH:mm')).toBe('2026-10-02 00:30');
  });
});

describe('INDEX into another sheet', () => {
  it('reads the referenced sheet, not the formula sheet', () => {
    const h = createAppsScript();
    const register = h.spreadsheet.insertSheet('OKRs');
    register.getRange('A1:B3').setValues([['id', 'v'], ['O-1', 5], ['O-2', 7]]);
    const review = h.spreadsheet.insertSheet('Review');
    review.getRange('A1').setValue("'O-2");
    review.getRange('B1:C1').setFormulas([['=INDEX(OKRs!$B$2:$B$3,MATCH(A1,OKRs!$A$2:$A$3,0))', '=INDEX(OKRs!$B$2:$B$3,1,1)']]);
    expect(review.getRange('B1:C1').getValues()).toEqual([[7, 5]]);
  });
});

describe('TRIM', () => {
  it('gives "" for a blank cell and folds spaces like Sheets', () => {
    const h = createAppsScript();
    const sheet = h.spreadsheet.getActiveSheet();
    sheet.getRange('A2').setValue('  two   words ');
    sheet.getRange('B1:C2').setFormulas([['=TRIM(A1)', '=TRIM(A1)<>""'], ['=TRIM(A2)', '=LEN(TRIM(A2))']]);
    expect(sheet.getRange('B1:C2').getValues()).toEqual([['', false], ['two words', 9]]);
  });
});

describe('lazy IF and IFERROR, as in Sheets', () => {
  it('evaluates only the branch taken', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], ['']]);
    sheet.getRange('B1:B6').setFormulas([
      ['=IF(A1=1,"one",1/0)'],
      ['=IF(A2="","",SQRT(-1))'],
      ['=IF(A1=2,"two")'],
      ['=IFERROR(1/0,"fallback")'],
      ['=IFERROR(IF(A1=1,1/0,1),"inner error caught")'],
      ['=IF(\'Sheet1\'!A1=1,"a,b",")")'],
    ]);
    expect(sheet.getRange('B1:B6').getValues().map((line) => line[0])).toEqual(['one', '', false, 'fallback', 'inner error caught', 'a,b']);
  });
});
