import { blankForm, draftFromForm, formFromDraft, formatNumber, move, parseNumberText } from '../../src/sidebar/form';
import { validateDraft } from '../../src/core/drafts';
import { templateDraft } from '../../src/core/templates';

describe('parseNumberText', () => {
  it.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 40 ', 40],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['1.250,5', 1250.5],
    ['1,250.5', 1250.5],
    ['10 000', 10000],
    ['1.000.000', 1000000],
    ['1,000,000', 1000000],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('reads %s as %s', (text, value) => {
    expect(parseNumberText(text, 'en')).toBe(value);
    expect(parseNumberText(text, 'de')).toBe(value);
  });
  it('reads a lone separator before three digits as grouping in the language that groups with it', () => {
    expect(parseNumberText('60,000', 'en')).toBe(60000);
    expect(parseNumberText('60,000', 'de')).toBe(60);
    expect(parseNumberText('60.000', 'de')).toBe(60000);
    expect(parseNumberText('60.000', 'en')).toBe(60);
    expect(parseNumberText('12,50', 'en')).toBe(12.5);
    expect(parseNumberText('1.5', 'de')).toBe(1.5);
  });
  it('gives null for blank', () => expect(parseNumberText('  ')).toBeNull());
  it.each(['zehn', '12 %', '1,2,3.4.5x', '--1', 'NaN', 'Infinity'])('keeps %s as text for the server to reject', (text) =>
    expect(parseNumberText(text)).toBe(text.trim()),
  );
});

describe('form and draft', () => {
  it('formats numbers in the user language', () => {
    expect(formatNumber(12.5, 'de')).toBe('12,5');
    expect(formatNumber(12.5, 'en')).toBe('12.5');
    expect(formatNumber(null, 'de')).toBe('');
  });
  it('round-trips a template through the form in both languages', () => {
    for (const lang of ['en', 'de'] as const) {
      const draft = templateDraft('cloud_partner', lang, 'IT');
      const back = validateDraft(draftFromForm(formFromDraft(draft, lang), lang), lang);
      expect(back.ok && back.draft).toEqual(draft);
    }
  });
  it('sends unparseable text as text, so the schema rejects it at the field', () => {
    const form = blankForm('Sales');
    form.title = 'Customers love us';
    form.keyResults[0] = { ...form.keyResults[0], title: 'NPS', start: 'zehn', target: '70', weight: '' };
    const sent = draftFromForm(form, 'en') as { keyResults: { start: unknown; weight: unknown }[] };
    expect(sent.keyResults[0].start).toBe('zehn');
    expect(sent.keyResults[0].weight).toBe(1);
    const result = validateDraft(sent, 'en');
    expect(result.ok || result.errors.map((e) => e.path)).toContain('keyResults.0.start');
  });
  it('keeps confidence and dependencies it does not edit', () => {
    const draft = templateDraft('sales', 'en', 'Sales');
    draft.keyResults[0] = { ...draft.keyResults[0], confidence: 7, dependsOn: ['IT'] };
    const sent = draftFromForm(formFromDraft(draft, 'en'), 'en') as { keyResults: { confidence: unknown; dependsOn: unknown }[] };
    expect(sent.keyResults[0]).toMatchObject({ confidence: 7, dependsOn: ['IT'] });
  });
  it('moves items within bounds', () => {
    const items = ['a', 'b', 'c'];
    expect(move(items, 0, -1)).toBe(0);
    expect(move(items, 0, 1)).toBe(1);
    expect(items).toEqual(['b', 'a', 'c']);
    expect(move(items, 2, 1)).toBe(2);
  });
});
