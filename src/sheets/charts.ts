/** Embedded charts: the add-on's own charts on a sheet are found by title and replaced; others are left alone. */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ChartSpec {
  kind: 'column' | 'line';
  title: string;
  /** A1 ranges on the same sheet; combined side by side like Sheets does. */
  ranges: string[];
  row: number;
  column: number;
  /** Series are rows (e.g. one line per team over week columns). */
  seriesInRows?: boolean;
}

/** Titles of the charts on the sheet (1 call + 1 per chart). */
function chartTitle(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): string {
  return String(chart.getOptions().get('title') ?? '');
}

/** The titles of `specs` that are missing on the sheet. */
export function missingCharts(sheet: Sheet, specs: readonly ChartSpec[]): ChartSpec[] {
  const have = new Set(sheet.getCharts().map(chartTitle));
  return specs.filter((spec) => !have.has(spec.title));
}

/** Removes the add-on's charts (by title, any language) and inserts `specs`: a constant number of calls. */
export function replaceCharts(sheet: Sheet, specs: readonly ChartSpec[], ownTitles: readonly string[]): void {
  for (const chart of sheet.getCharts()) if (ownTitles.includes(chartTitle(chart))) sheet.removeChart(chart);
  insertCharts(sheet, specs);
}

export function insertCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  if (!specs.length) return;
  // A chart is anchored to a cell of the grid: a trimmed sheet grows to hold the anchors first.
  const rows = Math.max(...specs.map((spec) => spec.row));
  const columns = Math.max(...specs.map((spec) => spec.column));
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  for (const spec of specs) {
    const start = sheet.newChart();
    let builder = (spec.kind === 'column' ? start.asColumnChart() : start.asLineChart()) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
    for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
    builder = builder.setPosition(spec.row, spec.column, 0, 0).setOption('title', spec.title).setNumHeaders(1);
    if (spec.seriesInRows) builder = builder.setTransposeRowsAndColumns(true);
    sheet.insertChart(builder.build());
  }
}
