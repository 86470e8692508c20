/**
 * Cells a full recalculation scans, counted from the formulas (no evaluation):
 * every range reference (`A2:A9`, `OKRs!$N$17:$N$19`, `'Check-in log'!$G$2:$G$5001`)
 * counts rows x columns for the function it is an argument of, except the first
 * argument of INDEX (one cell is read) and the range of a MATCH with match type
 * 1 or -1 (a binary search: log2 of its cells). Grouped as the issue groups them:
 * criteria (SUMIFS, COUNTIFS, AVERAGEIFS and their single-criterion forms),
 * range (SUMPRODUCT, exact MATCH), and other (AVERAGE, COUNT, ... over ranges).
 */
const CRITERIA = new Set(['SUMIFS', 'COUNTIFS', 'AVERAGEIFS', 'SUMIF', 'COUNTIF', 'AVERAGEIF']);
const RANGE = new Set(['SUMPRODUCT', 'MATCH']);
const REF = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/;

const column = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** { criteria, range, other } cells scanned by one formula. */
export function scanFormula(formula) {
  const out = { criteria: 0, range: 0, other: 0 };
  const stack = []; // frames: { name, arg, ranges: [{cells, arg}], start }
  let i = 0;
  const text = formula;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    const rest = text.slice(i);
    const prev = i ? text[i - 1] : '';
    if (!/[A-Za-z0-9_.$]/.test(prev)) {
      const ref = REF.exec(rest);
      if (ref) {
        const cells = (Math.abs(Number(ref[4]) - Number(ref[2])) + 1) * (Math.abs(column(ref[3]) - column(ref[1])) + 1);
        const frame = stack[stack.length - 1];
        if (frame) frame.ranges.push({ cells, arg: frame.arg });
        else out.other += cells;
        i += ref[0].length;
        continue;
      }
      const call = /^([A-Z][A-Z0-9_.]*)\(/.exec(rest);
      if (call) {
        stack.push({ name: call[1], arg: 0, ranges: [], start: i + call[0].length });
        i += call[0].length;
        continue;
      }
    }
    if (ch === '(') stack.push({ name: '', arg: 0, ranges: [], start: i + 1 });
    else if (ch === ',' && stack.length) stack[stack.length - 1].arg++;
    else if (ch === ')' && stack.length) {
      const frame = stack.pop();
      const args = text.slice(frame.start, i);
      const lastArg = args.slice(args.lastIndexOf(',') + 1).trim();
      const parent = stack[stack.length - 1];
      for (const { cells, arg } of frame.ranges) {
        let n = cells;
        if (frame.name === 'INDEX' && arg === 0) n = 1;
        else if (frame.name === 'MATCH' && frame.arg === 2 && (lastArg === '1' || lastArg === '-1')) n = Math.ceil(Math.log2(cells + 1));
        if (CRITERIA.has(frame.name)) out.criteria += n;
        else if (RANGE.has(frame.name)) out.range += n;
        // Other functions (ISNUMBER inside SUMPRODUCT, a grouping parenthesis) pass their ranges to the call around them.
        else if (parent) parent.ranges.push({ cells: n, arg: parent.arg });
        else out.other += n;
      }
    }
    i++;
  }
  for (const frame of stack) for (const { cells } of frame.ranges) out.other += cells;
  return out;
}

/** Sums `scanFormula` over formulas; also by sheet. */
export function scanWorkbook(sheets) {
  const total = { criteria: 0, range: 0, other: 0, formulas: 0 };
  const bySheet = {};
  for (const { name, formulas } of sheets) {
    const s = (bySheet[name] = { criteria: 0, range: 0, other: 0, formulas: 0 });
    for (const f of formulas) {
      if (!f) continue;
      const r = scanFormula(f);
      for (const k of ['criteria', 'range', 'other']) (s[k] += r[k]), (total[k] += r[k]);
      s.formulas++;
      total.formulas++;
    }
  }
  return { total, bySheet };
}
