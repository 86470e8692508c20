/**
 * The exported .xlsx printed to PDF by LibreOffice headless, for a whole
 * German quarter run in the playground (the sample cycle, review,
 * retrospective, dashboard, portfolio, then the next cycle, which archives
 * every sheet under names longer than Excel's 31 characters): no blank page,
 * and as many pages as the sheets' content needs (A4 landscape, fit to
 * width, print areas that end where the content ends), not one per 200
 * formula rows. The sheet names are unique within 31 characters and the
 * contents sheet maps them to their names in Google Sheets.
 *
 * Without LibreOffice the test is skipped with a warning, except under
 * CI=true, where it fails (scripts/ensure-libreoffice.mjs installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync, constants } from 'node:zlib';
import ExcelJS from 'exceljs';
import { excelSheetNames, exportWorkbook, printArea, rowHeights } from '../../playground/export';
import { seedSample } from '../../playground/sample';
import { PlaygroundSession } from '../../playground/session';
import { recalculatingProfile, SOFFICE } from './libreoffice';
import { DIST } from './realistic';

/** Each page of a PDF and whether it draws any text (LibreOffice writes Flate-compressed content streams). */
export function pdfPages(pdf: Buffer): { text: boolean }[] {
  const body = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  const objectRe = /(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g;
  for (let m = objectRe.exec(body); m; m = objectRe.exec(body)) {
    const entry: { dict: string; stream?: Buffer } = { dict: m[2] };
    if (m[3]) {
      const start = m.index + m[0].length;
      const end = body.indexOf('endstream', start);
      entry.stream = pdf.subarray(start, end);
    }
    objects.set(Number(m[1]), entry);
  }
  const pages: { text: boolean }[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(dict)) continue;
    const refs = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(dict);
    const ids = refs ? (refs[1] ? [...refs[1].matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1])) : [Number(refs[2])]) : [];
    const content = ids
      .map((id) => {
        const o = objects.get(id);
        if (!o?.stream) return '';
        return /FlateDecode/.test(o.dict) ? inflateSync(o.stream, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1') : o.stream.toString('latin1');
      })
      .join('\n');
    pages.push({ text: /\bT[jJ]\b/.test(content) });
  }
  return pages;
}

const ci = process.env.CI === 'true';
const run = SOFFICE ? describe : describe.skip;
if (!SOFFICE && !ci) console.warn('LibreOffice (soffice) is missing: the PDF print test is skipped.');

describe('sheet names for Excel', () => {
  it('are at most 31 characters, unique ignoring case, without the characters Excel forbids', () => {
    const names = excelSheetNames([
      'Weekly 2027-W01 (1. Quartal 2027)',
      'Weekly 2027-W01 (1. Quartal 2026)',
      'weekly 2027-w01 (1. quartal 2027)',
      'OKRs',
      'Plan [v2]: what?/why*',
      "'quoted'",
      'History',
    ]);
    expect(names).toEqual([
      'Weekly 2027-W01 (1. Quartal 20…',
      'Weekly 2027-W01 (1. Quarta… (2)',
      'weekly 2027-w01 (1. quarta… (3)',
      'OKRs',
      'Plan _v2__ what__why_',
      'quoted',
      'History_',
    ]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

run('the export printed to PDF by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-print-'));
  let session: PlaygroundSession;
  let pages: { text: boolean }[] = [];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    // A quarter that is not a calendar quarter: its name makes the archived weeklies' names 32 characters long.
    session = new PlaygroundSession({ distDir: DIST, lang: 'de', today: '2026-10-14' });
    seedSample(session);
    for (const fn of ['menuNewReview', 'menuNewRetrospective', 'menuRefreshDashboard', 'menuOpenPortfolio']) {
      const outcome = session.runMenu(fn);
      if (outcome.prompt) throw new Error(`${fn} asked ${JSON.stringify(outcome.prompt)}`);
    }
    const next = session.runMenu('menuStartNextCycle', [{ kind: 'confirm', text: '', button: 'YES' }]);
    if (next.prompt) throw new Error(JSON.stringify(next.prompt));
    const file = join(dir, 'quarter.xlsx');
    const buffer = await exportWorkbook(session.spreadsheet);
    writeFileSync(file, buffer);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const result = spawnSync(SOFFICE!, [`-env:UserInstallation=${recalculatingProfile(join(dir, 'profile'))}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 100_000,
    });
    if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.error}`);
    pages = pdfPages(readFileSync(join(dir, 'quarter.pdf')));
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, readFileSync(join(dir, 'quarter.pdf')));
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF.replace(/pdf$/, 'xlsx'), buffer);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every sheet within 31 characters and maps them on a contents sheet', () => {
    const original = session.spreadsheet.sheets.map((s) => s.name);
    expect(original.some((n) => n.length > 31)).toBe(true);
    const exported = wb.worksheets.map((w) => w.name);
    expect(exported).toHaveLength(original.length + 1);
    for (const n of exported) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(exported.map((n) => n.toLowerCase())).size).toBe(exported.length);
    const contents = wb.worksheets[wb.worksheets.length - 1];
    expect(contents.name).toBe('Inhalt');
    const mapping = new Map<string, string>();
    contents.eachRow((row, r) => {
      if (r > 4) mapping.set(String((row.getCell(1).value as { text: string }).text ?? row.getCell(1).value), String(row.getCell(2).value));
    });
    expect([...mapping.values()]).toEqual(original);
    expect([...mapping.keys()]).toEqual(exported.slice(0, -1));
  });

  it('prints no blank page, and as many pages as the sheets’ content needs', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((p) => !p.text)).toEqual([]);
    // What the content needs: per printed sheet, its rows (as high as the file says) at the scale that fits its columns on an A4 landscape page.
    const printable = { width: ((297 - 2 * 12.7) / 25.4) * 96, height: ((210 - 2 * 15.24) / 25.4) * 96 }; // px at 96 dpi, less the margins
    let expected = 1; // the contents sheet
    const perSheet: string[] = [];
    for (const sheet of session.spreadsheet.sheets) {
      if (sheet.hidden) continue;
      const area = printArea(sheet, session.spreadsheet);
      if (!area) continue;
      let width = 0;
      for (let c = 1; c <= area.cols; c++) if (!sheet.hiddenCols.has(c)) width += sheet.getColumnWidth(c);
      const scale = Math.min(1, printable.width / width);
      const heights = rowHeights(sheet, session.spreadsheet);
      const rowPx = (r: number) => (heights.get(r) ?? 15.75) / 0.75;
      const titles = Array.from({ length: sheet.frozenRows }, (_, i) => rowPx(i + 1)).reduce((a, b) => a + b, 0);
      let pagesOfSheet = 1;
      let used = 0;
      for (let r = 1; r <= area.rows; r++) {
        if (sheet.hiddenRows.has(r)) continue;
        const h = rowPx(r) * scale;
        if (used + h > printable.height) {
          pagesOfSheet++;
          used = titles * scale;
        }
        used += h;
      }
      perSheet.push(`${sheet.name}: ${pagesOfSheet}`);
      expected += pagesOfSheet;
    }
    console.log(`PDF of the export: ${pages.length} pages; the content needs ${expected} (${perSheet.join(', ')}, contents: 1)`);
    // LibreOffice rounds the scale to whole percent and keeps a row whole: a page more or less per few sheets.
    expect(Math.abs(pages.length - expected)).toBeLessThanOrEqual(2);
  });
});
