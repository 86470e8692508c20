/**
 * The Dashboard: what leadership reads instead of the register. Everything
 * live is a native formula over the register, Settings, the Check-in log and
 * the Portfolio, over bounded ranges, with no custom function: per team and
 * per objective (in alignment-tree order, company objectives first) the
 * score, the rolled-up score, an in-cell bar (REPT, portable), attainment,
 * pace, confidence, a trend SPARKLINE (Sheets only: an .xlsx download shows
 * it blank) and the confidence per cycle week rolled up KR > objective > team
 * (the data of the embedded charts). Below: objectives without a parent and
 * the dependency matrix between teams (both as of the last refresh).
 *
 * The layout (which rows exist) depends on teams, objectives, their parents,
 * KRs, dependencies and the cycle's weeks; `layoutSignature` hashes those, and
 * "Refresh dashboard" rebuilds only when the hash differs. People's notes
 * (the Note column, found again by the hidden key column) survive a rebuild.
 */
import type { Language } from '../i18n';
import { LEVEL_LABELS, alignment, dependencies, type AlignedObjective, type TeamLevels } from '../alignment';
import { paceFormula, quote } from '../formulas';
import { SHEET_NAMES } from '../texts';
import { PACE_LABELS, VERDICT_LABELS } from '../vocabulary';
import { BLANK, columnLetter, formula, num, sheetRef, text, type CellPlan, type SheetPlan } from './plan';
import { PlanBuilder, SECTION_BACKGROUND, TEAM_BACKGROUND, carriedCell, rowsByKey, textOf } from './builder';
import { REGISTER_COLUMN, registerColumnRange, type RegisterKey, type RegisterRow, type RowSpan } from './register';
import { objectiveSpan, registerSpans, teamSpans } from './dashboardGrid';
import { settingsRefs } from './settings';
import { portfolioConflictFromSummary, portfolioSummaryFormula } from './portfolio';

export const DASH_COLUMN = {
  id: 1,
  name: 2,
  level: 3,
  team: 4,
  goalType: 5,
  score: 6,
  rolledUp: 7,
  bar: 8,
  attainment: 9,
  pace: 10,
  confidence: 11,
  trend: 12,
  portfolio: 13,
  conflict: 14,
  /** The first week column; the Note column follows the last week. */
  firstWeek: 15,
} as const;

/** Weeks the dashboard shows at most: every ISO week a yearly cycle touches (54 when it starts late in a week). */
export const MAX_WEEKS = 54;

export const DASHBOARD_TITLES = {
  en: { scores: 'Scores per team', confidence: 'Confidence over the weeks (KR > objective > team)' },
  de: { scores: 'Scores je Team', confidence: 'Zuversicht über die Wochen (KR > Objective > Team)' },
} as const;

const TEXT = {
  en: {
    title: 'Dashboard {cycle}',
    hint: 'Computed from the register, Check-in log and Portfolio; stays current by itself. Refresh only after teams or objectives change. Notes (yellow) are kept.',
    teams: 'Teams',
    objectives: 'Objectives (alignment tree: company > department > team)',
    headers: ['ID', 'Name', 'Level', 'Team', 'Goal type', 'Score', 'Rolled-up score', 'Bar', 'Attainment', 'Pace', 'Confidence', 'Trend', 'Portfolio now · later · stop', 'Portfolio check'],
    teamHeaders: ['Team', '', '', '', '', 'Score (mean of objectives)', '', 'Bar', 'Objectives achieved', 'KRs on track · at risk · off track', 'Confidence', 'Trend (confidence)', '', ''],
    note: 'Note',
    allTeams: 'All teams',
    levels: LEVEL_LABELS.en,
    withoutParent: 'Objectives without a parent (not aligned to a company objective; as of the last refresh)',
    withoutParentHeaders: ['ID', 'Objective', 'Why', 'Team'],
    why: { none: 'no parent', unknown_parent: 'parent ID not found', loop: 'parent links form a loop' },
    noneWithout: 'none',
    matrix: 'Dependencies between teams (key results of the row team that depend on the column team; as of the last refresh)',
    matrixFlags: ['Depends on', 'Needed by', 'Flag'],
    silo: 'silo: no links',
    mutual: 'mutual with ',
    unknownTeams: 'Unknown team names in "Depends on teams": ',
    removedNotes: 'Notes of rows that are no longer on the dashboard',
    krWeeks: 'Confidence per key result and week (from the Check-in log; written when a check-in is applied)',
    krHeaders: ['KR ID', 'Key result', 'Objective', 'Team'],
  },
  de: {
    title: 'Dashboard {cycle}',
    hint: 'Berechnet aus Register, Check-in-Log und Portfolio; bleibt von selbst aktuell. Aktualisiert es nur, wenn sich Teams oder Objectives ändern. Notizen (gelb) bleiben erhalten.',
    teams: 'Teams',
    objectives: 'Objectives (Ausrichtung: Unternehmen > Bereich > Team)',
    headers: ['ID', 'Name', 'Ebene', 'Team', 'Zieltyp', 'Score', 'Score mit Unterzielen', 'Balken', 'Zielerreichung', 'Status', 'Zuversicht', 'Verlauf', 'Portfolio: jetzt · später · stoppen', 'Portfolio-Prüfung'],
    teamHeaders: ['Team', '', '', '', '', 'Score (Mittel der Objectives)', '', 'Balken', 'Objectives erreicht', 'KRs im Plan · gefährdet · nicht im Plan', 'Zuversicht', 'Verlauf (Zuversicht)', '', ''],
    note: 'Notiz',
    allTeams: 'Alle Teams',
    levels: LEVEL_LABELS.de,
    withoutParent: 'Objectives ohne übergeordnetes Objective (keinem Unternehmens-Objective zugeordnet; Stand der letzten Aktualisierung)',
    withoutParentHeaders: ['ID', 'Objective', 'Warum', 'Team'],
    why: { none: 'kein übergeordnetes Objective', unknown_parent: 'übergeordnete ID unbekannt', loop: 'die Verweise bilden eine Schleife' },
    noneWithout: 'keine',
    matrix: 'Abhängigkeiten zwischen Teams (Key Results des Teams links, die vom Team oben abhängen; Stand der letzten Aktualisierung)',
    matrixFlags: ['Hängt ab von', 'Andere hängen ab von', 'Hinweis'],
    silo: 'Silo: keine Verbindung',
    mutual: 'gegenseitig mit ',
    unknownTeams: 'Unbekannte Teamnamen in „Abhängig von Teams“: ',
    removedNotes: 'Notizen zu Zeilen, die nicht mehr im Dashboard stehen',
    krWeeks: 'Zuversicht je Key Result und Woche (aus dem Check-in-Log; eingetragen beim Übernehmen eines Check-ins)',
    krHeaders: ['KR-ID', 'Key Result', 'Objective', 'Team'],
  },
} as const;

export function dashboardSheetName(lang: Language): string {
  return SHEET_NAMES[lang].dashboard;
}

/** The number of ISO weeks a cycle touches (Monday of the start's week up to the end), 1..MAX_WEEKS. */
export function cycleWeeks(startIso: string, endIso: string): number {
  const day = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000 : NaN;
  };
  const start = day(startIso);
  const end = day(endIso);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return 14;
  const weekday = (new Date(start * 86_400_000).getUTCDay() + 6) % 7; // Monday 0
  return Math.min(MAX_WEEKS, Math.max(1, Math.floor((end - (start - weekday)) / 7) + 1));
}

export interface DashboardInput {
  lang: Language;
  cycle: string;
  teams: readonly string[];
  /** Each team's level from Settings (company, department, team). */
  levels?: TeamLevels;
  rows: readonly RegisterRow[];
  weeks: number;
  /** The cycle's start (ISO day): the grid's week columns count from its week. */
  start?: string;
  /** The register row of each of `rows` (default: in order from row 2). */
  registerRows?: readonly number[];
  /** Logged confidence per KR ID and cycle week (see `confidenceGrid`); blank when missing. */
  grid?: ReadonlyMap<string, readonly (number | null)[]>;
  /** The old dashboard's values, to carry notes. */
  previous?: readonly (readonly unknown[])[];
}

/** FNV-1a, 32 bits, hex: a short, stable fingerprint. */
function hash(textValue: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < textValue.length; i++) {
    h ^= textValue.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What the layout depends on, hashed: teams and their levels, objectives (team, parent, KRs), dependencies, the cycle's weeks and start. */
export function layoutSignature(input: Pick<DashboardInput, 'teams' | 'rows' | 'weeks' | 'start' | 'lang' | 'levels'>): string {
  const parts = [
    input.lang,
    `w${input.weeks}`,
    `s${input.start ?? ''}`,
    ...input.teams.map((t) => `t:${t}`),
    ...[...(input.levels ?? [])].map(([team, level]) => `v:${team}|${level}`),
    ...input.rows.map((r) => `r:${r.objectiveId}|${r.team}|${r.parentId}|${r.krId}|${r.dependsOn.join(',')}`),
  ];
  return hash(parts.join('\n'));
}

export const LAYOUT_KEY = '#layout';

/** The signature recorded on an existing dashboard (hidden key column), or '' when there is none. */
export function recordedSignature(values: readonly (readonly unknown[])[]): string {
  for (const line of values.slice(0, 3))
    for (const value of line) {
      const key = textOf(value);
      if (key.startsWith(`${LAYOUT_KEY}:`)) return key.slice(LAYOUT_KEY.length + 1);
    }
  return '';
}

export interface DashboardPlan {
  plan: SheetPlan;
  signature: string;
  /** 1-based rows and columns the charts read. */
  charts: { headerRow: number; firstTeamRow: number; lastTeamRow: number; firstWeekColumn: number; lastWeekColumn: number };
  alignment: ReturnType<typeof alignment>;
  matrix: ReturnType<typeof dependencies>;
  /** The KR x week grid: 1-based rows of its first and last KR and its first week column; `krs` in row order. */
  grid: { headerRow: number; firstRow: number; firstColumn: number; weeks: number; krs: string[] };
}

export const GRID_KEY = '#krWeeks';

export function dashboardPlan(input: DashboardInput): DashboardPlan {
  const { lang } = input;
  const t = TEXT[lang];
  const C = DASH_COLUMN;
  const weeks = Math.max(1, Math.min(MAX_WEEKS, input.weeks));
  const lastWeek = C.firstWeek + weeks - 1;
  const aligned = alignment(input.rows, input.levels);
  const matrix = dependencies(input.rows, input.teams);
  const teams = matrix.teams;
  const noteColumn = Math.max(lastWeek, teams.length + 4) + 1;
  const b = new PlanBuilder(noteColumn, true);
  const L = (column: number) => columnLetter(column);

  const reg = registerColumnRange(lang, input.rows.length);
  const spans = registerSpans(input.rows, input.registerRows);
  const register = sheetRef(SHEET_NAMES[lang].register);
  /** A register column over the rows of one span, e.g. `OKRs!$N$17:$N$19`. */
  const spanRange = (span: RowSpan) => (key: RegisterKey) => `${register}!$${L(REGISTER_COLUMN[key])}$${span.first}:$${L(REGISTER_COLUMN[key])}$${span.last}`;
  const refs = settingsRefs(lang);
  // The old layout may be wider or narrower: its key column is where '#title' stands in row 1; the note is left of it.
  const oldKey = (input.previous?.[0] ?? []).findIndex((value) => textOf(value) === '#title');
  const previous = oldKey > 0 ? rowsByKey(input.previous ?? [], oldKey + 1) : new Map<string, readonly unknown[]>();
  const oldNote = (line: readonly unknown[]) => line[oldKey - 1];
  const used = new Set<string>();
  const note = (key: string): CellPlan => {
    used.add(key);
    const line = previous.get(key);
    return line ? carriedCell(oldNote(line)) : BLANK;
  };

  // Row arithmetic first: team rows point at the objective rows below them.
  const teamHeaderRow = 5;
  const firstTeamRow = teamHeaderRow + 1;
  const lastTeamRow = firstTeamRow + teams.length - 1;
  const allRow = lastTeamRow + 1;
  const objectiveHeaderRow = allRow + 3;
  const firstObjectiveRow = objectiveHeaderRow + 1;
  const objectiveRows = new Map(aligned.objectives.map((o, i) => [o.id, firstObjectiveRow + i]));
  const lastObjectiveRow = Math.max(firstObjectiveRow, firstObjectiveRow + aligned.objectives.length - 1);
  // The KR x week grid comes last (below the orphans and the matrix): its rows, by KR ID.
  const orphanCount = aligned.objectives.filter((o) => o.orphan).length;
  const gridHeaderRow =
    firstObjectiveRow + Math.max(1, aligned.objectives.length) + 3 + Math.max(1, orphanCount) + 3 + teams.length + (matrix.unknown.length ? 1 : 0) + 2;
  const gridKrs = [...new Set(input.rows.map((r) => r.krId).filter(Boolean))];
  const gridRowOf = new Map(gridKrs.map((id, i) => [id, gridHeaderRow + 1 + i]));
  const objCol = (column: number) => `$${L(column)}$${firstObjectiveRow}:$${L(column)}$${lastObjectiveRow}`;

  const weekLabel = (i: number) => {
    const monday = `(${refs.cycleStart}-WEEKDAY(${refs.cycleStart},2)+1+${7 * i})`;
    return `=IFERROR(IF(${monday}>${refs.cycleEnd},"",YEAR(${monday}+3)&"-W"&TEXT(ISOWEEKNUM(${monday}),"00")),"")`;
  };
  const weekHeader = (row: number) => (i: number) => (row === teamHeaderRow ? formula(weekLabel(i)) : formula(`=${L(C.firstWeek + i)}$${teamHeaderRow}`));
  const weekCells = (fill: (i: number, weekCell: string) => CellPlan): CellPlan[] =>
    Array.from({ length: weeks }, (_, i) => fill(i, `${L(C.firstWeek + i)}$${teamHeaderRow}`));
  const pad = (cells: CellPlan[], upTo: number) => [...cells, ...Array.from({ length: Math.max(0, upTo - cells.length) }, () => BLANK)];
  const bar = (cell: string) => `=IF(ISNUMBER(${cell}),REPT("█",ROUND(MIN(1,MAX(0,${cell}))*10,0))&REPT("░",10-ROUND(MIN(1,MAX(0,${cell}))*10,0)),"")`;
  const trend = (row: number) => {
    const range = `${L(C.firstWeek)}${row}:${L(lastWeek)}${row}`;
    return `=IF(COUNT(${range})<2,"",SPARKLINE(${range}))`;
  };
  const weekFormats = Object.fromEntries(Array.from({ length: weeks }, (_, i) => [C.firstWeek + i, '0.0']));
  /** Column headers (a blank label leaves its cell blank), the week labels, the Note header. */
  const headerRow = (labels: readonly string[], row: number) =>
    b.row(pad(labels.map((h) => (h ? text(h) : BLANK)), C.firstWeek - 1).concat(weekCells((i) => weekHeader(row)(i)), pad([], noteColumn - lastWeek - 1), [text(t.note)]), { bold: true });
  const verdicts = VERDICT_LABELS[lang];
  const paces = PACE_LABELS[lang];

  b.row([text(t.title.replace('{cycle}', input.cycle).trim())], { bold: true, key: '#title' });
  b.row([text(t.hint)]);
  b.blank();
  b.row([text(t.teams)], { bold: true, background: SECTION_BACKGROUND });
  if (b.nextRow !== teamHeaderRow) throw new Error('dashboard layout: team rows moved');
  headerRow(t.teamHeaders, teamHeaderRow);
  for (const team of teams) {
    const row = b.nextRow;
    const me = `$A${row}`;
    // The team's objective rows on this dashboard and its rows in the register, as laid out at refresh: direct, bounded references.
    const mine = aligned.objectives.filter((o) => o.team.toLowerCase() === team.toLowerCase()).map((o) => objectiveRows.get(o.id)!);
    const averageOf = (column: number) => (mine.length ? `=IFERROR(AVERAGE(${mine.map((r) => `$${L(column)}$${r}`).join(',')}),"")` : '=""');
    const ranges = teamSpans(spans, team);
    const inSpans = (fn: (span: (key: RegisterKey) => string) => string) => (ranges.length ? ranges.map((r) => fn(spanRange(r))).join('+') : '0');
    const paceCount = (word: string) => inSpans((span) => `COUNTIFS(${span('team')},${me},${span('pace')},${quote(word)})`);
    const achieved = mine.length ? mine.map((r) => `($${L(C.attainment)}$${r}=${quote(verdicts.achieved)})`).join('+') : '0';
    const confidence = ranges.length
      ? `=IFERROR((${inSpans((span) => `SUMIFS(${span('confidence')},${span('team')},${me})`)})/(${inSpans((span) => `SUMPRODUCT((${span('team')}=${me})*ISNUMBER(${span('confidence')}))`)}),"")`
      : '=""';
    const cells: CellPlan[] = pad([text(team)], C.score - 1);
    cells.push(
      formula(averageOf(C.score)),
      BLANK,
      formula(bar(`$${L(C.score)}${row}`)),
      formula(`=${achieved}&" / ${mine.length}"`),
      formula(`=${paceCount(paces.on_track)}&" · "&${paceCount(paces.at_risk)}&" · "&${paceCount(paces.off_track)}`),
      formula(confidence),
      formula(trend(row)),
      BLANK,
      BLANK,
      ...weekCells((i) => formula(averageOf(C.firstWeek + i))),
    );
    b.row(pad(cells, noteColumn - 1).concat([note(`team:${team}`)]), {
      key: `team:${team}`,
      formats: { [C.score]: '0%', [C.confidence]: '0.0', ...weekFormats },
      inputs: [noteColumn],
    });
  }
  b.row(
    pad([text(t.allTeams)], C.score - 1).concat([
      formula(`=IFERROR(AVERAGE(${objCol(C.score)}),"")`),
      BLANK,
      formula(bar(`$${L(C.score)}${allRow}`)),
      formula(`=COUNTIF(${objCol(C.attainment)},${quote(verdicts.achieved)})&" / "&COUNTA(${objCol(C.id)})`),
    ]),
    { bold: true, formats: { [C.score]: '0%' } },
  );
  b.blank();
  b.row([text(t.objectives)], { bold: true, background: SECTION_BACKGROUND });
  if (b.nextRow !== objectiveHeaderRow) throw new Error('dashboard layout: objective rows moved');
  headerRow(t.headers, objectiveHeaderRow);

  for (const objective of aligned.objectives) {
    const row = b.nextRow;
    // The objective's own register rows (bounded), and its KRs' cells in the KR x week grid below.
    const span = objectiveSpan(spans, objective.id);
    const own = span ? spanRange(span) : reg;
    const lookup = (key: RegisterKey, r: number) => `INDEX(${own(key)},MATCH($A${r},${own('objectiveId')},0),1)`;
    const gridRows = [...new Set(objective.krIds)].map((id) => gridRowOf.get(id)).filter((r): r is number => r !== undefined);
    const children = objective.children.map((id) => `$${L(C.rolledUp)}$${objectiveRows.get(id)}`);
    const score = `$${L(C.score)}${row}`;
    const rolled = children.length ? `=IFERROR(AVERAGE(${[score, ...children].join(',')}),"")` : `=IF(ISNUMBER(${score}),${score},"")`;
    const krWeek = (i: number, weekCell: string) => {
      if (!gridRows.length) return '=""';
      const column = L(C.firstWeek + i);
      return `=IF(${weekCell}="","",IFERROR(AVERAGE(${gridRows.map((r) => `$${column}$${r}`).join(',')}),""))`;
    };
    const cells: CellPlan[] = [
      text(objective.id),
      text(`${'  '.repeat(objective.depth)}${objective.depth ? '└ ' : ''}${objective.title}`),
      text(t.levels[objective.level]),
      objective.team ? text(objective.team) : BLANK,
      formula(`=IFERROR(${lookup('goalType', row)}&"","")`),
      formula(`=IFERROR(IF(ISNUMBER(${lookup('objectiveScore', row)}),${lookup('objectiveScore', row)},""),"")`),
      formula(rolled),
      formula(bar(`$${L(C.rolledUp)}${row}`)),
      formula(`=IFERROR(${lookup('attainment', row)}&"","")`),
      formula(
        paceFormula(
          {
            score,
            goalType: `$${L(C.goalType)}${row}`,
            roofshotLevel: refs.roofshotLevel,
            moonshotLevel: refs.moonshotLevel,
            cycleStart: refs.cycleStart,
            cycleEnd: refs.cycleEnd,
          },
          lang,
        ),
      ),
      formula(`=IFERROR(AVERAGEIFS(${own('confidence')},${own('objectiveId')},$A${row}),"")`),
      formula(trend(row)),
      formula(portfolioSummaryFormula(`$A${row}`, lang)),
      formula(portfolioConflictFromSummary(`$${L(C.portfolio)}${row}`, lang)),
      ...weekCells((i, weekCell) => formula(krWeek(i, weekCell))),
    ];
    b.row(pad(cells, noteColumn - 1).concat([note(`obj:${objective.id}`)]), {
      key: `obj:${objective.id}`,
      bold: objective.level === 'company',
      background: objective.level === 'company' ? TEAM_BACKGROUND : null,
      formats: { [C.score]: '0%', [C.rolledUp]: '0%', [C.confidence]: '0.0', ...weekFormats },
      inputs: [noteColumn],
    });
  }
  if (!aligned.objectives.length) b.blank();

  b.blank();
  b.row([text(t.withoutParent)], { bold: true, background: SECTION_BACKGROUND });
  b.row(t.withoutParentHeaders.map((h) => text(h)), { bold: true });
  const orphans = aligned.objectives.filter((o) => o.orphan);
  for (const o of orphans) b.row([text(o.id), o.title ? text(o.title) : BLANK, text(t.why[o.orphan as Exclude<AlignedObjective['orphan'], null>]), o.team ? text(o.team) : BLANK]);
  if (!orphans.length) b.row([text(t.noneWithout)]);

  b.blank();
  b.row([text(t.matrix)], { bold: true, background: SECTION_BACKGROUND });
  b.row([BLANK, ...teams.map((team) => text(team)), ...t.matrixFlags.map((h) => text(h))], { bold: true });
  teams.forEach((team, i) => {
    const out = matrix.counts[i].reduce((a, n) => a + n, 0);
    const inbound = matrix.counts.reduce((a, line) => a + line[i], 0);
    const mutual = matrix.mutual.filter((pair) => pair.includes(team)).map((pair) => (pair[0] === team ? pair[1] : pair[0]));
    const flags = [...(matrix.silos.includes(team) ? [t.silo] : []), ...(mutual.length ? [t.mutual + mutual.join(', ')] : [])];
    b.row([text(team), ...matrix.counts[i].map((n, j) => (i === j ? text('—') : n ? num(n) : BLANK)), num(out), num(inbound), flags.length ? text(flags.join('; ')) : BLANK]);
  });
  if (matrix.unknown.length) b.row([text(t.unknownTeams + matrix.unknown.join(', '))]);

  // The KR x week grid: values the add-on writes (here from the log, and when a check-in is applied).
  b.blank();
  b.row([text(t.krWeeks)], { bold: true, background: SECTION_BACKGROUND });
  if (b.nextRow !== gridHeaderRow) throw new Error('dashboard layout: the KR x week grid moved');
  b.row(pad(t.krHeaders.map((h) => text(h)), C.firstWeek - 1).concat(weekCells((i) => formula(`=${L(C.firstWeek + i)}$${teamHeaderRow}`))), {
    bold: true,
    key: GRID_KEY,
  });
  const krRow = new Map(input.rows.filter((r) => r.krId).reverse().map((r) => [r.krId, r]));
  for (const id of gridKrs) {
    const kr = krRow.get(id)!;
    const values = input.grid?.get(id);
    b.row(
      pad([text(id), kr.keyResult ? text(kr.keyResult) : BLANK, kr.objectiveId ? text(kr.objectiveId) : BLANK, kr.team ? text(kr.team) : BLANK], C.firstWeek - 1).concat(
        weekCells((i) => num(values?.[i] ?? null)),
      ),
      { key: `kr:${id}`, formats: weekFormats },
    );
  }

  // Notes whose row is gone are kept at the bottom with their key.
  const orphanNotes = [...previous.entries()].filter(([key, line]) => !used.has(key) && (key.startsWith('team:') || key.startsWith('obj:') || key.startsWith('kept:')) && textOf(oldNote(line)));
  if (orphanNotes.length) {
    b.blank();
    b.row([text(t.removedNotes)], { bold: true, background: SECTION_BACKGROUND });
    for (const [key, line] of orphanNotes) {
      const keep = key.startsWith('kept:') ? key : `kept:${key}`;
      b.row(pad([text(key.replace(/^(kept:)?(team|obj):/, ''))], noteColumn - 1).concat([carriedCell(oldNote(line))]), { key: keep, inputs: [noteColumn] });
    }
  }

  const signature = layoutSignature(input);
  // The signature has its own key cell (row 2), so the title keeps '#title'.
  const plan = b.plan(dashboardSheetName(lang), {
    frozenRows: 0,
    // The two charts are anchored right of the block at rows 1 and 20 (src/app/dashboard.ts).
    trim: { spareRows: 20, spareColumns: 8, minRows: 40 },
    columnWidths: { [C.name]: 280, [C.bar]: 110, [C.portfolio]: 150, [C.conflict]: 170, [noteColumn]: 240 },
    protect: { a1: `A1:${L(noteColumn - 1)}${b.cells.length}` },
  });
  plan.cells[1][noteColumn] = { text: `${LAYOUT_KEY}:${signature}` };
  return {
    plan,
    signature,
    charts: { headerRow: teamHeaderRow, firstTeamRow, lastTeamRow, firstWeekColumn: C.firstWeek, lastWeekColumn: lastWeek },
    alignment: aligned,
    matrix,
    grid: { headerRow: gridHeaderRow, firstRow: gridHeaderRow + 1, firstColumn: C.firstWeek, weeks, krs: gridKrs },
  };
}

