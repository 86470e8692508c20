/**
 * The order of a workbook's tabs: the running cycle's sheets first (the
 * register, then what a team opens most), its weeklies by week, the sheets
 * people made themselves as they were, then the Archive list, and the
 * archived cycles last (hidden; the Archive sheet links to each).
 */
import { LANGUAGES } from './i18n';
import { SHEET_NAMES, type SheetRole } from './texts';

/** The running cycle's own sheets, in the order a team uses them. */
const LIVE_ORDER: SheetRole[] = ['register', 'dashboard', 'portfolio', 'tactics', 'checkInLog', 'settings', 'rollup'];

const ROLE_NAMES = new Map<string, number>();
for (const lang of LANGUAGES) LIVE_ORDER.forEach((role, i) => ROLE_NAMES.set(SHEET_NAMES[lang][role], i));
const ARCHIVE_NAMES = new Set(LANGUAGES.map((lang) => SHEET_NAMES[lang].archive));

const WEEKLY = /^Weekly (\d{4}-W\d{2})(?: \((\d+)\))?$/;
const EVENT = /^(Review|Retrospective|Retrospektive) (.+)$/;
/** A sheet archived with a cycle: `OKRs (Q4 2026)`, `Weekly 2026-W48 (Q4 2026)`, `Weekly 2026-W48 (2) (Q4 2026 2)`. */
const ARCHIVED = /^(.+) \(([^()]+)\)$/;

export type TabKind = 'live' | 'event' | 'weekly' | 'own' | 'archive' | 'archived';

export interface Tab {
  name: string;
  kind: TabKind;
  /** For archived sheets: the cycle they belong to. */
  cycle?: string;
}

/** What a sheet is, by its name, while `cycleName` runs. */
export function classifyTab(name: string, cycleName: string): Tab {
  if (ROLE_NAMES.has(name)) return { name, kind: 'live' };
  if (ARCHIVE_NAMES.has(name)) return { name, kind: 'archive' };
  if (WEEKLY.test(name)) return { name, kind: 'weekly' };
  const event = EVENT.exec(name);
  if (event) return event[2] === cycleName.trim() ? { name, kind: 'event' } : { name, kind: 'archived', cycle: event[2] };
  const archived = ARCHIVED.exec(name);
  if (archived) {
    const base = archived[1];
    if (ROLE_NAMES.has(base) || WEEKLY.test(base)) return { name, kind: 'archived', cycle: archived[2] };
  }
  return { name, kind: 'own' };
}

function liveRank(tab: Tab): number {
  if (tab.kind === 'live') {
    const rank = ROLE_NAMES.get(tab.name)!;
    // Review and retrospective of the running cycle sit after the portfolio, before the tactics.
    return rank <= LIVE_ORDER.indexOf('portfolio') ? rank : rank + 2;
  }
  return LIVE_ORDER.indexOf('portfolio') + (/^Review /.test(tab.name) ? 1 : 2);
}

function weeklyKey(name: string): string {
  const m = WEEKLY.exec(name)!;
  return `${m[1]} ${String(Number(m[2] ?? 1)).padStart(3, '0')}`;
}

/**
 * The tab order for `names`: live sheets and the running cycle's review and
 * retrospective, weeklies by week, people's own sheets in their order, the
 * Archive list, then the archived sheets grouped by cycle (oldest cycle first
 * in the order they appear, sheets within a cycle in their live order).
 */
export function tabOrder(names: readonly string[], cycleName: string): Tab[] {
  const tabs = names.map((name) => classifyTab(name, cycleName));
  const of = (kind: TabKind) => tabs.filter((t) => t.kind === kind);
  const live = [...of('live'), ...of('event')].sort((a, b) => liveRank(a) - liveRank(b));
  const weeklies = of('weekly').sort((a, b) => (weeklyKey(a.name) < weeklyKey(b.name) ? -1 : 1));
  const cycles: string[] = [];
  for (const tab of of('archived')) if (!cycles.includes(tab.cycle!)) cycles.push(tab.cycle!);
  const archivedRank = (tab: Tab): number => {
    const base = ARCHIVED.exec(tab.name)?.[1] ?? '';
    if (ROLE_NAMES.has(base)) return liveRank({ name: base, kind: 'live' });
    if (EVENT.test(tab.name)) return liveRank({ name: tab.name, kind: 'event' });
    return 100;
  };
  const archived = cycles.flatMap((cycle) =>
    of('archived')
      .filter((t) => t.cycle === cycle)
      .sort((a, b) => archivedRank(a) - archivedRank(b) || (a.name < b.name ? -1 : 1)),
  );
  return [...live, ...weeklies, ...of('own'), ...of('archive'), ...archived];
}
