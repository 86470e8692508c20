/**
 * The template library of the sidebar: objectives with key results and key
 * tactics to start from, in English and German, plus key tactics to pick one
 * by one. Pure data and functions (no Apps Script, no DOM).
 *
 * Rules every template follows (tested in tests/core/templates.test.ts): the
 * objective is qualitative and carries no digit, it has 2-4 measurable key
 * results (no yes/no ranges) and 2-3 key tactics phrased as decision
 * principles, and it passes the `ObjectiveDraft` schema.
 */
import type { ObjectiveDraft } from './drafts';
import type { Bilingual, Language } from './i18n';
import type { GoalType, KrKind } from './vocabulary';

export interface KeyResultTemplate {
  title: Bilingual;
  kind: KrKind;
  start: number;
  target: number;
  unit: Bilingual;
}

export interface ObjectiveTemplate {
  key: string;
  area: Bilingual;
  title: Bilingual;
  goalType: GoalType;
  keyResults: KeyResultTemplate[];
  tactics: Bilingual[];
}

const kr = (en: string, de: string, kind: KrKind, start: number, target: number, unitEn: string, unitDe = unitEn): KeyResultTemplate => ({
  title: { en, de },
  kind,
  start,
  target,
  unit: { en: unitEn, de: unitDe },
});

export const OBJECTIVE_TEMPLATES: readonly ObjectiveTemplate[] = [
  {
    key: 'sales',
    area: { en: 'Sales', de: 'Vertrieb' },
    title: {
      en: 'Our existing customers see us as the partner they grow with',
      de: 'Unsere Bestandskunden sehen uns als den Partner, mit dem sie wachsen',
    },
    goalType: 'roofshot',
    keyResults: [
      kr('Revenue per existing customer up by a fifth', 'Umsatz pro Bestandskunde um ein Fünftel gesteigert', 'increase', 50000, 60000, 'EUR'),
      kr('Existing customers buying a second product', 'Bestandskunden mit einem zweiten Produkt', 'increase', 25, 40, '%'),
      kr('Customer churn per quarter', 'Kundenabwanderung pro Quartal', 'decrease', 8, 5, '%'),
    ],
    tactics: [
      {
        en: 'We always choose understanding the customer’s next problem over pitching our next product',
        de: 'Wir entscheiden uns immer für das Verstehen des nächsten Kundenproblems statt für das Anbieten des nächsten Produkts',
      },
      {
        en: 'We always choose a conversation over an e-mail when a customer hesitates',
        de: 'Wir entscheiden uns immer für ein Gespräch statt einer E-Mail, wenn ein Kunde zögert',
      },
    ],
  },
  {
    key: 'customer_experience',
    area: { en: 'Customer experience', de: 'Kundenerlebnis' },
    title: {
      en: 'Customers recommend us because every contact with us is effortless',
      de: 'Kunden empfehlen uns weiter, weil jeder Kontakt mit uns mühelos ist',
    },
    goalType: 'moonshot',
    keyResults: [
      kr('Net Promoter Score', 'Net Promoter Score', 'increase', 50, 70, 'points', 'Punkte'),
      kr('Requests solved at first contact', 'Anfragen im Erstkontakt gelöst', 'increase', 60, 85, '%'),
      kr('Median time to first answer', 'Median der Zeit bis zur ersten Antwort', 'decrease', 24, 4, 'hours', 'Stunden'),
    ],
    tactics: [
      {
        en: 'We always choose fixing the cause over apologising for the symptom',
        de: 'Wir entscheiden uns immer für das Beheben der Ursache statt für die Entschuldigung für das Symptom',
      },
      {
        en: 'We always choose the customer’s words over our internal jargon',
        de: 'Wir entscheiden uns immer für die Worte der Kunden statt für unseren internen Jargon',
      },
    ],
  },
  {
    key: 'it_portfolio',
    area: { en: 'IT portfolio and delivery', de: 'IT-Portfolio und Lieferung' },
    title: {
      en: 'Our IT delivers what matters most, predictably and without surprises',
      de: 'Unsere IT liefert das Wichtigste verlässlich und ohne Überraschungen',
    },
    goalType: 'roofshot',
    keyResults: [
      kr('Portfolio items tied to an objective', 'Portfolio-Vorhaben mit Bezug zu einem Objective', 'increase', 40, 90, '%'),
      kr('Lead time from commitment to release', 'Durchlaufzeit von Zusage bis Auslieferung', 'decrease', 45, 20, 'days', 'Tage'),
      kr('Releases without an incident', 'Releases ohne Störung', 'increase', 80, 95, '%'),
      kr('Projects running in parallel', 'Parallel laufende Projekte', 'decrease', 14, 6, 'projects', 'Projekte'),
    ],
    tactics: [
      {
        en: 'We always choose finishing work over starting new work',
        de: 'Wir entscheiden uns immer für das Fertigstellen statt für das Anfangen neuer Arbeit',
      },
      {
        en: 'We always choose consciously postponing a project over running it half-staffed',
        de: 'Wir entscheiden uns immer für das bewusste Verschieben eines Projekts statt für seinen halb besetzten Betrieb',
      },
    ],
  },
  {
    key: 'cloud_partner',
    area: { en: 'Cloud transformation partner', de: 'Cloud-Transformationspartner' },
    title: {
      en: 'Leading reputation as the cloud transformation partner for mid-sized companies in the region',
      de: 'Führende Wahrnehmung als Cloud-Transformationspartner im Mittelstand der Region',
    },
    goalType: 'moonshot',
    keyResults: [
      kr('Project lead times reduced by 40 %', 'Projektlaufzeiten um 40 % reduziert', 'decrease', 100, 60, 'days', 'Tage'),
      kr('NPS above 60', 'NPS über 60', 'increase', 40, 60, 'points', 'Punkte'),
      kr(
        'Reference customers ready for public case studies',
        'Referenzkunden bereit für öffentliche Fallstudien',
        'increase',
        0,
        3,
        'customers',
        'Kunden',
      ),
    ],
    tactics: [
      {
        en: 'We always choose fast feedback over perfect delivery',
        de: 'Wir entscheiden uns immer für schnelles Feedback über perfekte Lieferung',
      },
      {
        en: 'We bring customers into the process before the result stands, not after',
        de: 'Wir holen Kunden in den Prozess, bevor das Ergebnis steht – nicht danach',
      },
      {
        en: 'Every week we test one tactical assumption, not only results',
        de: 'Wir überprüfen jede Woche eine taktische Annahme, nicht nur Ergebnisse',
      },
    ],
  },
  {
    key: 'hr',
    area: { en: 'People and HR', de: 'Personal und HR' },
    title: {
      en: 'People who join us want to stay and grow with us',
      de: 'Wer zu uns kommt, will bleiben und mit uns wachsen',
    },
    goalType: 'roofshot',
    keyResults: [
      kr('Voluntary attrition per year', 'Freiwillige Fluktuation pro Jahr', 'decrease', 14, 9, '%'),
      kr('Open positions filled internally', 'Intern besetzte offene Stellen', 'increase', 15, 35, '%'),
      kr('Days from application to offer', 'Tage von Bewerbung bis Angebot', 'decrease', 40, 21, 'days', 'Tage'),
    ],
    tactics: [
      {
        en: 'We always choose a growth conversation over a rating',
        de: 'Wir entscheiden uns immer für ein Entwicklungsgespräch statt für eine Bewertung',
      },
      {
        en: 'We always choose a fast honest answer over a slow perfect process for applicants',
        de: 'Wir entscheiden uns immer für eine schnelle ehrliche Antwort statt für einen langsamen perfekten Prozess für Bewerbende',
      },
    ],
  },
  {
    key: 'marketing',
    area: { en: 'Marketing', de: 'Marketing' },
    title: {
      en: 'Decision makers in our market know us for solving their hardest problem',
      de: 'Entscheider in unserem Markt kennen uns als die, die ihr schwierigstes Problem lösen',
    },
    goalType: 'moonshot',
    keyResults: [
      kr('Qualified leads per month', 'Qualifizierte Leads pro Monat', 'increase', 30, 60, 'leads', 'Leads'),
      kr('Share of leads from referrals and content', 'Anteil der Leads aus Empfehlungen und Inhalten', 'increase', 20, 45, '%'),
      kr('Cost per qualified lead', 'Kosten pro qualifiziertem Lead', 'decrease', 400, 250, 'EUR'),
    ],
    tactics: [
      {
        en: 'We always choose depth for one audience over reach for everyone',
        de: 'Wir entscheiden uns immer für Tiefe bei einer Zielgruppe statt für Reichweite bei allen',
      },
      {
        en: 'We always choose a customer’s story over our own claims',
        de: 'Wir entscheiden uns immer für die Geschichte eines Kunden statt für unsere eigenen Behauptungen',
      },
    ],
  },
  {
    key: 'product',
    area: { en: 'Product', de: 'Produkt' },
    title: {
      en: 'New users reach their first success with our product on their own',
      de: 'Neue Nutzer erreichen ihren ersten Erfolg mit unserem Produkt aus eigener Kraft',
    },
    goalType: 'moonshot',
    keyResults: [
      kr('New users active in their second week', 'Neue Nutzer, die in ihrer zweiten Woche aktiv sind', 'increase', 35, 55, '%'),
      kr('Median time to first success', 'Median der Zeit bis zum ersten Erfolg', 'decrease', 30, 10, 'minutes', 'Minuten'),
      kr('Support tickets per hundred new users', 'Support-Tickets pro hundert neue Nutzer', 'decrease', 12, 5, 'tickets', 'Tickets'),
    ],
    tactics: [
      {
        en: 'We always choose removing a step over explaining it',
        de: 'Wir entscheiden uns immer für das Entfernen eines Schritts statt für seine Erklärung',
      },
      {
        en: 'We always choose watching a user over asking for an opinion',
        de: 'Wir entscheiden uns immer für das Beobachten eines Nutzers statt für das Abfragen einer Meinung',
      },
      {
        en: 'We always choose a small release this week over a big one next month',
        de: 'Wir entscheiden uns immer für ein kleines Release diese Woche statt für ein großes im nächsten Monat',
      },
    ],
  },
];

/** Key tactics to start from: decision principles, not to-dos. */
export const TACTIC_TEMPLATES: readonly Bilingual[] = [
  { en: 'We always choose fast feedback over perfect delivery', de: 'Wir entscheiden uns immer für schnelles Feedback statt für perfekte Lieferung' },
  {
    en: 'We always choose involving the customer early over presenting a finished result',
    de: 'Wir entscheiden uns immer für das frühe Einbeziehen der Kunden statt für das Präsentieren eines fertigen Ergebnisses',
  },
  {
    en: 'We always choose testing an assumption over defending it',
    de: 'Wir entscheiden uns immer für das Überprüfen einer Annahme statt für ihre Verteidigung',
  },
  { en: 'We always choose finishing over starting', de: 'Wir entscheiden uns immer für das Fertigstellen statt für das Anfangen' },
  {
    en: 'We always choose a decision by the people closest to the work over an escalation',
    de: 'Wir entscheiden uns immer für eine Entscheidung der Menschen nah an der Arbeit statt für eine Eskalation',
  },
  {
    en: 'We always choose transparency about problems over a green status report',
    de: 'Wir entscheiden uns immer für Transparenz über Probleme statt für einen grünen Statusbericht',
  },
  {
    en: 'We always choose a conversation over an e-mail when something is unclear',
    de: 'Wir entscheiden uns immer für ein Gespräch statt für eine E-Mail, wenn etwas unklar ist',
  },
  {
    en: 'We always choose fixing the cause over working around the symptom',
    de: 'Wir entscheiden uns immer für das Beheben der Ursache statt für das Umgehen des Symptoms',
  },
  {
    en: 'We always choose learning from a missed goal over hiding it',
    de: 'Wir entscheiden uns immer für das Lernen aus einem verfehlten Ziel statt für sein Verstecken',
  },
  {
    en: 'We always choose a shared goal with other teams over a local optimum',
    de: 'Wir entscheiden uns immer für ein gemeinsames Ziel mit anderen Teams statt für ein lokales Optimum',
  },
];

export function findTemplate(key: string): ObjectiveTemplate | undefined {
  return OBJECTIVE_TEMPLATES.find((template) => template.key === key);
}

/** A template as a draft for `team` in `lang`: every id blank, current values blank, weights 1. */
export function templateDraft(key: string, lang: Language, team: string): ObjectiveDraft {
  const template = findTemplate(key);
  if (!template) throw new Error(`No template "${key}"`);
  return {
    id: '',
    team,
    title: template.title[lang],
    goalType: template.goalType,
    parentId: '',
    contact: '',
    keyResults: template.keyResults.map((k) => ({
      id: '',
      title: k.title[lang],
      kind: k.kind,
      start: k.start,
      target: k.target,
      current: null,
      currentAsLoaded: null,
      unit: k.unit[lang],
      weight: 1,
      confidence: null,
      dependsOn: [],
    })),
    tactics: template.tactics.map((principle) => ({ id: '', principle: principle[lang] })),
  };
}
