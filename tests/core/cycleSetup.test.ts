import { nextQuarterName, parseCycleSetup, parseDay, quarterDates } from '../../src/core/cycleSetup';

describe('parseCycleSetup', () => {
  it('infers the dates of a quarter and reads the teams', () => {
    const result = parseCycleSetup('Q1 2027; Sales, Marketing, IT , HR', 'en');
    expect(result).toEqual({
      ok: true,
      setup: { cycle: { name: 'Q1 2027', start: '2027-01-01', end: '2027-03-31', cadence: 'quarterly' }, teams: ['Sales', 'Marketing', 'IT', 'HR'] },
    });
  });
  it('takes explicit German dates and recognises a monthly cycle', () => {
    const result = parseCycleSetup('Pilot Januar; 4.1.2027; 29.01.2027; Plattform', 'de');
    expect(result.ok && result.setup.cycle).toEqual({ name: 'Pilot Januar', start: '2027-01-04', end: '2027-01-29', cadence: 'monthly' });
  });
  it('explains every problem in the user language', () => {
    const result = parseCycleSetup('Sommer; 31.2.2027; 1.3.2027; Vertrieb, vertrieb', 'de');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('„31.2.2027“ ist kein Datum (nutze 31.1.2027 oder 2027-01-31).');
    expect(result.problems).toContain('Team „vertrieb“ ist doppelt genannt.');
    expect(parseCycleSetup('Summer; Sales', 'en')).toEqual({
      ok: false,
      problems: ['Give start and end dates, e.g. 2027-01-01; 2027-03-31, or name the cycle after a quarter (Q1 2027).'],
    });
    expect(parseCycleSetup('Q3 2027', 'en')).toEqual({ ok: false, problems: ['Name at least one team, separated by commas.'] });
    expect(parseCycleSetup('X; 2027-03-01; 2027-01-01; A', 'en')).toEqual({ ok: false, problems: ['The end must be after the start.'] });
  });
  it('keeps a team name that looks like a formula as it was typed', () => {
    const result = parseCycleSetup('Q2 2027; =HYPERLINK("x"), Sales', 'en');
    expect(result.ok && result.setup.teams).toEqual(['=HYPERLINK("x")', 'Sales']);
  });
});

describe('dates', () => {
  it('reads ISO and German dates and rejects impossible days', () => {
    expect(parseDay('2027-02-28')).toBe('2027-02-28');
    expect(parseDay('29.2.2028')).toBe('2028-02-29');
    expect(parseDay('29.2.2027')).toBeNull();
    expect(parseDay('tomorrow')).toBeNull();
  });
  it('knows quarters in several spellings', () => {
    expect(quarterDates('2027-Q2')).toEqual({ start: '2027-04-01', end: '2027-06-30' });
    expect(quarterDates('4. Quartal 2026')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterDates('Q5 2026')).toBeNull();
    expect(nextQuarterName('2026-11-24')).toBe('Q1 2027');
    expect(nextQuarterName('2026-02-01')).toBe('Q2 2026');
  });
});
