/**
 * Ids the add-on gave out, kept in the document's properties: an id is never
 * given out again, even after its objective was deleted, because the Check-in
 * log and older weekly sheets still refer to it (a new KR-3 would otherwise
 * inherit the old KR-3's history and unapplied weekly entries).
 */
const PROPERTY = 'okr.issuedIds';

export interface IdCounters {
  /** The next free id with a prefix: O-7 after O-1..O-6 and after every O id given out before. */
  next(prefix: string, taken: Iterable<string>): () => string;
  /** Stores the highest numbers given out (one call, only when one grew). */
  save(): void;
}

export function idCounters(): IdCounters {
  const properties = PropertiesService.getDocumentProperties();
  let issued: Record<string, number> = {};
  try {
    const parsed = JSON.parse(properties.getProperty(PROPERTY) ?? '{}');
    if (parsed && typeof parsed === 'object') issued = parsed;
  } catch {
    issued = {};
  }
  const highest = { ...issued };
  return {
    next(prefix, taken) {
      let max = Number(issued[prefix]) || 0;
      const pattern = new RegExp(`^${prefix}-(\\d+)$`);
      for (const id of taken) {
        const m = pattern.exec(id);
        if (m) max = Math.max(max, Number(m[1]));
      }
      return () => {
        max++;
        highest[prefix] = Math.max(Number(highest[prefix]) || 0, max);
        return `${prefix}-${max}`;
      };
    },
    save() {
      if (Object.keys(highest).some((key) => highest[key] !== issued[key])) properties.setProperty(PROPERTY, JSON.stringify(highest));
    },
  };
}
