/**
 * Every text the add-on writes, read from the source: each string literal
 * under an `en`/`de` key (or in the sidebar's EN/DE tables). The test fails
 * on "(s)" plurals in either language, on the German terms the review
 * replaced, and on a language chosen inline (`lang === 'de' ? … : …`)
 * instead of through a text table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { format, plural, say } from '../../src/core/i18n';
import { weekLabel } from '../../src/core/isoWeek';

const ROOT = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

interface Text {
  where: string;
  lang: 'en' | 'de';
  text: string;
}

/** The language a literal is written in: its nearest `en:`/`de:` property, or an EN/DE table. */
function languageOf(node: ts.Node): 'en' | 'de' | null {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isPropertyAssignment(at) && (ts.isIdentifier(at.name) || ts.isStringLiteral(at.name))) {
      const name = at.name.text;
      if (name === 'en' || name === 'de') return name;
    }
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name) && /^(EN|DE)$/.test(at.name.text)) return at.name.text === 'DE' ? 'de' : 'en';
  }
  return null;
}

function textsOf(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Text[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const lang = languageOf(node);
      if (lang && /[A-Za-zÄÖÜäöüß]{2}/.test(node.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line}`, lang, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(ROOT);
const texts = files.flatMap(textsOf);

/** Plurals written as "(s)", "(n)", "(en)", "entr(y/ies)", "Blatt/Blätter", "Block/Blöcken". */
const SLASH_PLURALS = /\w\((s|n|en|e|er|y\/ies)\)|Blatt\/Blätter|Block\/Blöcken|Blatt\/Blättern/;

/** German words the review replaced: the term, and why. */
const OLD_GERMAN: [RegExp, string][] = [
  [/^(Start|Ziel|Aktuell)$/, 'a value column is Startwert, Zielwert, Aktueller Wert (Ziel is the objective)'],
  [/\b(das|dem|ein|sein|Ziel) Ziel\b(?! mit)|\bZiel \{|Ziel\(wert\)|\bZiel wirkt|Start und Ziel/, 'the target value is the Zielwert'],
  [/Urteil/, 'the review draws a Fazit'],
  [/Tempo/, 'on track / at risk is a Status'],
  [/Gesundheit/, 'a calque of "team health"'],
  [/Lückenfüller/, 'a calque of "fill-ins"'],
  [/Gebraucht von/, 'a calque of "depended on by"'],
  [/vereinbarten Band/, 'a calque of "agreed band"'],
  [/tippen/, 'values are eingetragen'],
  [/^(Hoch|Runter)$/, 'buttons say "Nach oben", "Nach unten"'],
  [/dieses Quartal\b/, 'missing preposition ("für diesen Zyklus")'],
  [/Fokus für nächste Woche/, 'missing article ("für die nächste Woche")'],
  [/eure Antworten in die gelben Zellen\./, 'missing verb ("tragt … ein")'],
  [/\(Woche\)|^Woche$|Woche \{week\}/, 'a week is a KW'],
];

describe('the texts the add-on writes', () => {
  it('are found in the source, in both languages', () => {
    expect(files.length).toBeGreaterThan(40);
    const de = texts.filter((t) => t.lang === 'de');
    expect(de.length).toBeGreaterThan(400);
    expect(texts.filter((t) => t.lang === 'en').length).toBeGreaterThan(400);
    // The detector itself: it sees texts the review changed.
    expect(de.map((t) => t.text)).toEqual(expect.arrayContaining(['Zielwert', 'Fazit', 'Bewertung (1-5)', 'Status']));
  });

  it('have no "(s)" plurals in either language', () => {
    const bad = texts.filter((t) => SLASH_PLURALS.test(t.text)).map((t) => `${t.where} ${t.text}`);
    expect(bad).toEqual([]);
    expect(SLASH_PLURALS.test('{count} key result(s)')).toBe(true);
    expect(SLASH_PLURALS.test('{count} Blatt/Blätter')).toBe(true);
    expect(SLASH_PLURALS.test('KR / tactic ID')).toBe(false);
  });

  it('use none of the German terms the review replaced', () => {
    const bad = texts
      .filter((t) => t.lang === 'de')
      .flatMap((t) => OLD_GERMAN.filter(([pattern]) => pattern.test(t.text)).map(([, why]) => `${t.where} "${t.text}": ${why}`));
    expect(bad).toEqual([]);
    for (const old of ['Ziel', 'Urteil', 'Tempo', 'Team-Gesundheit', 'Lückenfüller', 'Gebraucht von', 'In die gelben Zellen tippen', 'Fokus für nächste Woche'])
      expect(OLD_GERMAN.some(([pattern]) => pattern.test(old))).toBe(true);
    // Objectives may still be called Ziele where the method speaks of them.
    expect(OLD_GERMAN.some(([pattern]) => pattern.test('ein gemeinsames Ziel mit anderen Teams'))).toBe(false);
  });

  it('choose their language through a text table, never inline', () => {
    const inline = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /===?\s*'(de|en)'\s*\?(?!\s*'(de|en)'\s*:)/.test(line))
        .map(({ where, line }) => `${where} ${line.trim()}`),
    );
    expect(inline).toEqual([]);
  });
});

describe('plural()', () => {
  it('uses the singular for exactly one, the plural otherwise, in both languages', () => {
    expect(plural(1, 'key result', 'key results')).toBe('1 key result');
    expect(plural(0, 'key result', 'key results')).toBe('0 key results');
    expect(plural(2, 'Blatt', 'Blätter')).toBe('2 Blätter');
    expect(plural(1, 'Eintrag', 'Einträge')).toBe('1 Eintrag');
  });
  it('is reached from every text through {name|one|other}', () => {
    const text = { en: '{krs|key result was|key results were} imported', de: '{krs|Key Result wurde|Key Results wurden} importiert' };
    expect(say(text, 'en', { krs: 1 })).toBe('1 key result was imported');
    expect(say(text, 'en', { krs: 36 })).toBe('36 key results were imported');
    expect(say(text, 'de', { krs: 1 })).toBe('1 Key Result wurde importiert');
    expect(say(text, 'de', { krs: 0 })).toBe('0 Key Results wurden importiert');
    // Plain placeholders and unknown ones as before.
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('names weeks as people say them: KW in German', () => {
    expect(weekLabel('2026-W48', 'de')).toBe('KW 48/2026');
    expect(weekLabel('2027-W01', 'en')).toBe('week 1 of 2027');
    expect(weekLabel('not a week', 'de')).toBe('not a week');
  });
});
