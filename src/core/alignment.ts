/**
 * Alignment (DOMAIN.md: vertical company > department > team, horizontal
 * dependencies between teams; avoid silos and goal conflicts), computed from
 * the register's "Parent objective" and "Depends on teams" columns.
 *
 * Levels: Settings gives each team its level (company, department, team);
 * an objective has its team's level. An objective's parent is the objective
 * whose ID it names. An objective without a parent whose team is at company
 * level is a company objective (a root). An objective without a parent in any
 * other team (or whose parent ID is unknown, or whose parent chain loops) is
 * listed as "without parent": it is not aligned to the company.
 * Workbooks from before the level column keep working: a team without a level
 * is company level when it is named "Company", "Unternehmen", "Firma" or
 * "Gesamt" (any case), and otherwise gets its level from its depth under a
 * company objective (children department, further down team; team level in
 * a tree without a company root).
 *
 * Roll-up: an objective's rolled-up score is the plain mean of its own score
 * and its children's rolled-up scores, leaving out the ones not yet measured
 * (blank). The dashboard computes the same with native AVERAGE formulas over
 * the children's rows (its twin), so it stays current without a refresh.
 */
import type { RegisterRow } from './layout/register';
import type { GoalType } from './vocabulary';

export const LEVELS = ['company', 'department', 'team'] as const;
export type Level = (typeof LEVELS)[number];

const COMPANY_TEAMS = new Set(['company', 'unternehmen', 'firma', 'gesamt', 'gesamtunternehmen']);

export function isCompanyTeam(team: string): boolean {
  return COMPANY_TEAMS.has(team.trim().toLowerCase());
}

/** The words of the levels in Settings and on the dashboard. */
export const LEVEL_LABELS: Record<'en' | 'de', Record<Level, string>> = {
  en: { company: 'company', department: 'department', team: 'team' },
  de: { company: 'Unternehmen', department: 'Bereich', team: 'Team' },
};

/** A level as typed in Settings, in either language ("Abteilung" too); undefined for anything else. */
export function parseLevel(value: string): Level | undefined {
  const word = value.trim().toLowerCase();
  if (!word) return undefined;
  for (const labels of Object.values(LEVEL_LABELS))
    for (const level of LEVELS) if (labels[level].toLowerCase() === word || level === word) return level;
  return ({ abteilung: 'department', firma: 'company', gesamt: 'company' } as Record<string, Level>)[word];
}

/** Levels by team, as Settings gives them (keys compared without case). */
export type TeamLevels = ReadonlyMap<string, Level>;

/** A team's level: from Settings, else company for the old company names, else none (by depth). */
export function teamLevel(team: string, levels?: TeamLevels): Level | undefined {
  const key = team.trim().toLowerCase();
  for (const [name, level] of levels ?? []) if (name.trim().toLowerCase() === key) return level;
  return isCompanyTeam(team) ? 'company' : undefined;
}

export interface AlignedObjective {
  id: string;
  title: string;
  team: string;
  goalType: GoalType | null;
  /** As typed ('' when none). */
  parentId: string;
  krIds: string[];
  /** Depth in its tree (roots 0). */
  depth: number;
  level: Level;
  /** IDs of its children, in register order. */
  children: string[];
  /** Why it counts as without parent, if it does. */
  orphan: 'none' | 'unknown_parent' | 'loop' | null;
}

export interface Alignment {
  /** Depth-first: each root, then its subtree. */
  objectives: AlignedObjective[];
  /** IDs of objectives without a parent outside the company team (or with a broken parent link). */
  withoutParent: string[];
}

/** Objectives of the register in first-seen order, with their KR ids. */
function collect(rows: readonly RegisterRow[]): Map<string, Omit<AlignedObjective, 'depth' | 'level' | 'children' | 'orphan'>> {
  const found = new Map<string, Omit<AlignedObjective, 'depth' | 'level' | 'children' | 'orphan'>>();
  for (const row of rows) {
    if (!row.objectiveId) continue;
    let objective = found.get(row.objectiveId);
    if (!objective) {
      objective = { id: row.objectiveId, title: row.objective, team: row.team, goalType: row.goalType, parentId: row.parentId, krIds: [] };
      found.set(row.objectiveId, objective);
    }
    if (!objective.parentId && row.parentId) objective.parentId = row.parentId;
    if (row.krId && !objective.krIds.includes(row.krId)) objective.krIds.push(row.krId);
  }
  return found;
}

export function alignment(rows: readonly RegisterRow[], levels?: TeamLevels): Alignment {
  const found = collect(rows);
  const parentOf = new Map<string, string | null>();
  const orphanWhy = new Map<string, AlignedObjective['orphan']>();
  for (const objective of found.values()) {
    const parent = objective.parentId && objective.parentId !== objective.id ? objective.parentId : '';
    if (!parent) {
      parentOf.set(objective.id, null);
      orphanWhy.set(objective.id, teamLevel(objective.team, levels) === 'company' ? null : 'none');
    } else if (!found.has(parent)) {
      parentOf.set(objective.id, null);
      orphanWhy.set(objective.id, 'unknown_parent');
    } else parentOf.set(objective.id, parent);
  }
  // Break loops: walking up from a node that returns to itself makes that node a root.
  for (const id of found.keys()) {
    const seen = new Set<string>([id]);
    let at = parentOf.get(id) ?? null;
    while (at) {
      if (seen.has(at)) {
        parentOf.set(id, null);
        orphanWhy.set(id, 'loop');
        break;
      }
      seen.add(at);
      at = parentOf.get(at) ?? null;
    }
  }
  const children = new Map<string, string[]>();
  for (const id of found.keys()) {
    const parent = parentOf.get(id);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const objectives: AlignedObjective[] = [];
  const visit = (id: string, depth: number, companyTree: boolean) => {
    const base = found.get(id)!;
    const byDepth: Level = !companyTree ? 'team' : depth === 0 ? 'company' : depth === 1 ? 'department' : 'team';
    const level = teamLevel(base.team, levels) ?? byDepth;
    objectives.push({ ...base, depth, level, children: children.get(id) ?? [], orphan: orphanWhy.get(id) ?? null });
    for (const child of children.get(id) ?? []) visit(child, depth + 1, companyTree);
  };
  for (const id of found.keys()) if (parentOf.get(id) === null) visit(id, 0, orphanWhy.get(id) === null);
  return { objectives, withoutParent: objectives.filter((o) => o.orphan).map((o) => o.id) };
}

/**
 * Rolled-up scores: the mean of an objective's own score and its children's
 * rolled-up scores, ignoring the unmeasured (null). Null when nothing below
 * or at the objective is measured.
 */
export function rollUp(objectives: readonly Pick<AlignedObjective, 'id' | 'children'>[], scores: ReadonlyMap<string, number | null>): Map<string, number | null> {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const done = new Map<string, number | null>();
  const compute = (id: string, path: Set<string>): number | null => {
    if (done.has(id)) return done.get(id)!;
    if (path.has(id)) return null;
    path.add(id);
    const parts = [scores.get(id) ?? null, ...(byId.get(id)?.children ?? []).map((child) => compute(child, path))].filter(
      (s): s is number => typeof s === 'number',
    );
    path.delete(id);
    const value = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
    done.set(id, value);
    return value;
  };
  for (const o of objectives) compute(o.id, new Set());
  return done;
}

export interface DependencyMatrix {
  teams: string[];
  /** counts[i][j]: key results of team i that depend on team j. */
  counts: number[][];
  /** Teams with no link in either direction. */
  silos: string[];
  /** Pairs that depend on each other, each once, in team order. */
  mutual: [string, string][];
  /** Team names in "Depends on teams" that are no known team. */
  unknown: string[];
}

/** Horizontal dependencies between teams from the register's "Depends on teams" (team names matched case-insensitively). */
export function dependencies(rows: readonly RegisterRow[], teamList: readonly string[]): DependencyMatrix {
  const teams = [...teamList];
  for (const row of rows) if (row.team && !teams.some((t) => t.toLowerCase() === row.team.toLowerCase())) teams.push(row.team);
  const index = new Map(teams.map((t, i) => [t.toLowerCase(), i]));
  const counts = teams.map(() => teams.map(() => 0));
  const unknown = new Set<string>();
  for (const row of rows) {
    const from = index.get(row.team.toLowerCase());
    for (const name of row.dependsOn) {
      const to = index.get(name.toLowerCase());
      if (to === undefined) unknown.add(name);
      else if (from !== undefined && to !== from) counts[from][to]++;
    }
  }
  const silos = teams.filter((_, i) => counts[i].every((n) => n === 0) && counts.every((line) => line[i] === 0));
  const mutual: [string, string][] = [];
  for (let i = 0; i < teams.length; i++) for (let j = i + 1; j < teams.length; j++) if (counts[i][j] && counts[j][i]) mutual.push([teams[i], teams[j]]);
  return { teams, counts, silos, mutual, unknown: [...unknown] };
}
