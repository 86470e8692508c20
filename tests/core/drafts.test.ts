import { validateDraft } from '../../src/core/drafts';

const sales = {
  team: 'Sales',
  title: 'Existing customers buy more from us',
  goalType: 'roofshot',
  keyResults: [
    { title: 'Revenue per existing customer', kind: 'increase', start: 10000, target: 12000, unit: 'EUR' },
    { title: 'Churn', kind: 'decrease', start: 8, target: 5, unit: '%' },
  ],
  tactics: [{ principle: 'We always choose a call over an e-mail' }],
};

describe('validateDraft', () => {
  it('accepts a realistic draft and fills defaults', () => {
    const result = validateDraft(sales, 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.id).toBe('');
    expect(result.draft.keyResults[0]).toMatchObject({ weight: 1, current: null, confidence: null, dependsOn: [] });
  });
  it('names the field of every error, in the user language', () => {
    const bad = {
      ...sales,
      title: '   ',
      keyResults: [{ title: 'Revenue', kind: 'increase', start: 'zehn', target: null }],
    };
    const result = validateDraft(bad, 'de');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath['title'].code).toBe('empty');
    expect(byPath['keyResults.0.start']).toMatchObject({ code: 'not_a_number', message: 'Muss eine Zahl sein.' });
  });
  it('rejects a missing target and a contradicting direction', () => {
    const missing = validateDraft({ ...sales, keyResults: [{ title: 'NPS', kind: 'increase', start: 50, target: null }] }, 'en');
    expect(missing.ok || missing.errors).toEqual([{ path: 'keyResults.0.target', code: 'target_needed', message: 'A target is needed.' }]);
    const wrong = validateDraft({ ...sales, keyResults: [{ title: 'NPS', kind: 'increase', start: 70, target: 50 }] }, 'en');
    expect(wrong.ok || wrong.errors.map((e) => e.code)).toEqual(['increase_target_below_start']);
  });
  it('keeps a title that looks like a formula as plain text', () => {
    const result = validateDraft({ ...sales, title: '=HYPERLINK("x")' }, 'en');
    expect(result.ok && result.draft.title).toBe('=HYPERLINK("x")');
  });
});
