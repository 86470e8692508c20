import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import vm from 'node:vm';
import { okrAttainment, okrObjectiveScore, okrPace, okrScore } from '../../src/core/sheetFunctions';
import { bundleScript, loadAddon } from '../../emulator/loadAddon';
import { customFunctionNames, entryPointsOf } from '../../playground/entryPoints';

// The bundle's own list (its generated declarations); tests/playground/entryPoints.test.ts ties it to src/server/index.ts.
const CUSTOM_FUNCTIONS = customFunctionNames(entryPointsOf(bundleScript().source));
const ENTRY_POINTS = ['onOpen', 'onInstall', ...CUSTOM_FUNCTIONS];

/** The bundle in a bare context, with no Apps Script globals at all. */
function bare(): Record<string, any> {
  const context = vm.createContext({});
  vm.runInContext(bundleScript().source, context, { filename: 'Code.js' });
  return context;
}

describe('dist/Code.js as Apps Script sees it', () => {
  const source = bundleScript().source;

  it('uses no module system and no Node globals', () => {
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/\bprocess\./);
    const context = vm.createContext({});
    expect(() => vm.runInContext(source, context)).not.toThrow();
    expect(vm.runInContext('typeof require + typeof module + typeof process', context)).toBe('undefinedundefinedundefined');
  });

  it.each(ENTRY_POINTS)('declares %s as a top-level function declaration', (name) => {
    expect(source).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    expect(typeof bare()[name]).toBe('function');
  });

  it('loadAddon registers exactly the custom functions the bundle declares, and they work in a formula', () => {
    const addon = loadAddon({ locale: 'en_US' });
    expect(addon.customFunctions.sort()).toEqual([...CUSTOM_FUNCTIONS].sort());
    const sheet = addon.harness.spreadsheet.getActiveSheet();
    sheet.getRange('A1').setFormula('=OKR_CALIBRATION({0.9,1,1})');
    sheet.getRange('B1').setFormula('=OKR_SCORE(0,10,5)');
    expect(sheet.getRange('B1').getValue()).toBe(0.5);
    expect(typeof sheet.getRange('A1').getValue()).toBe('string');
    expect(sheet.getRange('A1').getValue()).not.toMatch(/^#/);
  });

  it.each(CUSTOM_FUNCTIONS)('carries the @customfunction JSDoc with parameter help for %s', (name) => {
    const block = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(`).exec(source);
    expect(block).not.toBeNull();
    expect(block![1]).toMatch(/@customfunction/);
    expect(block![1]).toMatch(/@param \{[^}]+\} \w+ \S/);
    expect(block![1]).toMatch(/@return/);
  });

  it('returns what the domain code returns, for whole ranges and single cells', () => {
    const { bundle } = loadAddon({ locale: 'en_US' });
    const start = [[0], [50], [10], [''], [99]];
    const target = [[100], [70], [6], [5], [100]];
    const current = [[25], [80], [8], [3], [98.5]];
    const kinds = [['increase'], [''], ['decrease'], [''], ['maintain']];
    expect(bundle.OKR_SCORE(start, target, current, kinds)).toEqual(okrScore('en', start, target, current, kinds));
    expect(bundle.OKR_SCORE(10, 20, 15)).toBe(0.5);
    const scores = [[1], [0.5], ['']];
    expect(bundle.OKR_OBJECTIVE_SCORE(scores, [[1], [3], [1]])).toBe(okrObjectiveScore('en', scores, [[1], [3], [1]]));
    expect(bundle.OKR_ATTAINMENT(scores, 'moonshot')).toEqual(okrAttainment('en', scores, 'moonshot'));
    const day = new Date(2026, 10, 24);
    expect(bundle.OKR_PACE(scores, new Date(2026, 9, 1), new Date(2026, 11, 31), day)).toEqual(
      okrPace('en', day, scores, new Date(2026, 9, 1), new Date(2026, 11, 31), day),
    );
  });

  it('answers in German in a German spreadsheet, and throws errors that name the cell', () => {
    const { bundle } = loadAddon({ locale: 'de_DE' });
    expect(bundle.OKR_ATTAINMENT(0.4, 'ambitioniert')).toBe('teilweise');
    expect(() => bundle.OKR_SCORE([[1], [1]], [[2], [2]], [[1], ['viel']])).toThrow('OKR_SCORE: current in Zeile 2 ist "viel", keine Zahl.');
  });

  it('is minified, and `npm run trace` maps a stack trace from Sheets back to the source', () => {
    const context = vm.createContext({});
    vm.runInContext(source, context, { filename: 'Code' });
    let stack = '';
    try {
      (context as any).OKR_SCORE(1, 2, 'abc');
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toMatch(/\(Code:\d+:\d+\)/);
    const traced = execFileSync(process.execPath, [join(__dirname, '../../scripts/trace.mjs')], { input: stack, encoding: 'utf8' });
    expect(traced).toMatch(/at readNumber \(src\/core\/sheetFunctions\.ts:\d+:\d+\)/);
    expect(traced).toMatch(/at okrScore \(src\/core\/sheetFunctions\.ts:\d+:\d+\)/);
    expect(traced).toMatch(/at OKR_SCORE \(src\/server\/index\.ts:\d+:\d+\)/);
  });

  it('falls back to English where the locale cannot be read', () => {
    expect(bare().OKR_ATTAINMENT(1, 'roofshot')).toBe('achieved');
  });
});
