import { ObjectiveDraft } from '../../src/core/drafts';
import type { Language } from '../../src/core/i18n';
import { qualityHints } from '../../src/core/quality';
import { OBJECTIVE_TEMPLATES, TACTIC_TEMPLATES, findTemplate, templateDraft } from '../../src/core/templates';

const LANGS: Language[] = ['en', 'de'];

describe('objective templates', () => {
  it('cover the required areas', () => {
    const keys = OBJECTIVE_TEMPLATES.map((t) => t.key);
    for (const key of ['sales', 'customer_experience', 'it_portfolio', 'cloud_partner', 'hr', 'marketing', 'product'])
      expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe.each(OBJECTIVE_TEMPLATES.map((t) => [t.key, t] as const))('%s', (key, template) => {
    it('has 2-4 key results and 2-3 tactics, with text in both languages', () => {
      expect(template.keyResults.length).toBeGreaterThanOrEqual(2);
      expect(template.keyResults.length).toBeLessThanOrEqual(4);
      expect(template.tactics.length).toBeGreaterThanOrEqual(2);
      expect(template.tactics.length).toBeLessThanOrEqual(3);
      for (const text of [template.area, template.title, ...template.tactics, ...template.keyResults.flatMap((k) => [k.title, k.unit])]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.de.trim()).not.toBe('');
      }
      expect(template.title.en).not.toMatch(/\d/);
      expect(template.title.de).not.toMatch(/\d/);
    });

    it.each(LANGS)('is a valid draft without quality hints in %s', (lang) => {
      const draft = templateDraft(key, lang, 'Team A');
      const parsed = ObjectiveDraft.safeParse(draft);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(draft.id).toBe('');
      expect(draft.team).toBe('Team A');
      expect(draft.keyResults.every((k) => k.id === '')).toBe(true);
      expect(draft.tactics.every((t) => t.id === '')).toBe(true);
      const hints = qualityHints({
        objectives: [{ id: 'new', title: draft.title, team: draft.team }],
        keyResults: draft.keyResults.map((k, i) => ({ ...k, id: `kr${i}`, objectiveId: 'new' })),
      });
      expect(hints).toEqual([]);
    });
  });

  it('keeps the seed example of the regional cloud transformation partner', () => {
    const cloud = findTemplate('cloud_partner')!;
    expect(cloud.title.de).toBe('Führende Wahrnehmung als Cloud-Transformationspartner im Mittelstand der Region');
    expect(cloud.tactics).toHaveLength(3);
    expect(cloud.tactics[0].de).toMatch(/schnelles Feedback über perfekte Lieferung/);
    expect(cloud.keyResults.map((k) => [k.kind, k.start, k.target])).toEqual([
      ['decrease', 100, 60],
      ['increase', 40, 60],
      ['increase', 0, 3],
    ]);
  });

  it('starts the sales template from revenue per existing customer +20 % and CX from NPS 50 to 70', () => {
    const revenue = findTemplate('sales')!.keyResults[0];
    expect(revenue.target / revenue.start).toBeCloseTo(1.2);
    const nps = findTemplate('customer_experience')!.keyResults[0];
    expect([nps.start, nps.target]).toEqual([50, 70]);
  });

  it('throws for an unknown template', () => {
    expect(() => templateDraft('nope', 'en', 'A')).toThrow();
  });
});

describe('tactic templates', () => {
  it('are 8-12 principles phrased as a choice', () => {
    expect(TACTIC_TEMPLATES.length).toBeGreaterThanOrEqual(8);
    expect(TACTIC_TEMPLATES.length).toBeLessThanOrEqual(12);
    for (const tactic of TACTIC_TEMPLATES) {
      expect(tactic.en).toMatch(/^We always choose .+ over .+/);
      expect(tactic.de).toMatch(/^Wir entscheiden uns immer für .+ statt .+/);
    }
  });
});
