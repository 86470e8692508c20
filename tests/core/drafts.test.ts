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
  it('takes a blank or a valid id (trimmed), and rejects blanks of spaces and bad ids', () => {
    const ids = (id: unknown) => validateDraft({ ...sales, id, parentId: id }, 'en');
    const blank = ids('');
    expect(blank.ok && [blank.draft.id, blank.draft.parentId]).toEqual(['', '']);
    const trimmed = ids(' O-1 ');
    expect(trimmed.ok && [trimmed.draft.id, trimmed.draft.parentId]).toEqual(['O-1', 'O-1']);
    for (const bad of ['   ', '-x', 'a b', 'x'.repeat(41), 7]) {
      const result = ids(bad);
      expect(result.ok || result.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['id invalid', 'parentId invalid']);
    }
  });
  it('reports a confidence out of range once per rule it breaks, as z.int() did', () => {
    const codes = (confidence: unknown) => {
      const result = validateDraft({ ...sales, keyResults: [{ ...sales.keyResults[0], confidence }] }, 'en');
      return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
    };
    expect(codes(0)).toEqual([]);
    expect(codes(10)).toEqual([]);
    expect(codes(null)).toEqual([]);
    const once = ['keyResults.0.confidence confidence_range'];
    for (const value of [5.5, 11.5, -0.5, -1, 11, Number.NaN, Infinity, '5']) expect(codes(value)).toEqual(once);
    for (const value of [1e20, 2 ** 53]) expect(codes(value)).toEqual([...once, ...once]);
  });
});
