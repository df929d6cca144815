import type { Seniority } from "./title-taxonomy.ts";

interface SeniorityRule {
  level: Seniority;
  pattern: RegExp;
  confidence: number;
}

/** Roles called "owner" that are not owners of the business. */
const notOwner =
  /\b(product|process|service|data|system|technical|platform|content|application|risk|control|budget)\s+owner\b/g;
/** "partner" as a qualifier: Partner Manager, HR Business Partner, Channel Partner Marketing. */
const notPartner =
  /\b(business|channel|alliance|strategic)\s+partners?\b|\bpartners?(?=\s+(manager|management|marketing|success|sales|account|engineer|development|lead|specialist|program))|\bpartnerships?\b/g;
/** "Lead" as in sales leads, not as in leading. */
const notLead = /\blead(s)?\s+gen(eration)?\b/g;

/**
 * First match wins, so order matters: an intern title beats the executive it assists, vice
 * president is read before president, and a manager of directors is rarer than a director.
 */
const rules: readonly SeniorityRule[] = [
  {
    level: "intern",
    pattern:
      /\b(intern|internship|stagiaire|praktikant(in)?|werkstudent(in)?|becari[oa]|estagiari[oa]|co-?op student|working student|summer (analyst|associate))\b/,
    confidence: 95,
  },
  {
    level: "entry",
    pattern:
      /\bassistant to\b|\b(executive|personal|administrative|office|virtual|teaching|research|sales|marketing) assistant$/,
    confidence: 80,
  },
  {
    level: "owner",
    pattern: /\b(co-?\s?)?owner\b|\bproprietor\b|\binhaber(in)?\b|\bproprietaire\b|\bdueno\b/,
    confidence: 90,
  },
  {
    level: "founder",
    pattern: /\b(co-?\s?)?founder\b|\bgrunder(in)?\b|\bfondat(eur|rice)\b|\bfundador[a]?\b|\boprichter\b/,
    confidence: 95,
  },
  {
    level: "c_suite",
    pattern:
      /\bchief\b.*\bofficer\b|\bchief executive\b|\b(ceo|cto|cfo|coo|cmo|cro|cpo|cio|cdo|cco|cso|cao|clo|cxo|ciso|chro)\b|(?<!vice[\s-]?)\bpresident\b|\bmanaging director\b|\bgeschaftsfuhrer(in)?\b|\bpdg\b|\bdirect(eur|rice|or|ora) general[e]?\b|\bdirector ejecutivo\b|\bchair(man|woman|person)?\b(?! of the (department|committee))|\bboard (member|of directors)\b|\bvorstand\b/,
    confidence: 90,
  },
  { level: "partner", pattern: /\bpartner\b|\bsocio\b|\bassocie[e]?\b|\bteilhaber\b/, confidence: 85 },
  {
    level: "vp",
    pattern: /\b[aes]?vp\b|\bvice[\s-]?president[e]?\b|\bvizeprasident\b|\bvicepresidente\b/,
    confidence: 90,
  },
  { level: "head", pattern: /\bhead\b|\bleiter(in)?\b|\bjef[ea]\b/, confidence: 85 },
  {
    level: "director",
    pattern: /\bdir(ector|ectora|ecteur|ectrice|ektor|ektorin|etor|etora)?\b|\bgm\b|\bgeneral manager\b/,
    confidence: 90,
  },
  {
    level: "manager",
    pattern:
      /\b(manager|mgr|supervisor|team lead(er)?|gerente|responsable|gestionnaire|superintendent|foreman)\b/,
    confidence: 85,
  },
  {
    level: "senior",
    pattern:
      /\b(senior|sr|principal|lead|staff (engineer|software|data|scientist|designer|product)|expert)\b|\b(iii|iv)$/,
    confidence: 80,
  },
  {
    level: "entry",
    pattern:
      /\b(junior|jr|entry|associate|assistant|graduate|trainee|apprentice|coordinator|representative|rep|clerk|i|ii)\b/,
    confidence: 75,
  },
];

/** Words that make a title an ordinary individual-contributor role when no level word is present. */
const roleNouns =
  /\b(engineer|developer|designer|analyst|scientist|accountant|consultant|specialist|agent|executive|recruiter|writer|editor|marketer|teacher|nurse|administrator|architect|technician|officer|advisor|strategist|researcher|programmer|tester|buyer|planner|counsel|attorney|lawyer|paralegal|economist|auditor|owner|ingenieur|desarrollador|entwickler|developpeur|comptable|vendedor|berater)\b/;

export interface SeniorityMatch {
  level: Seniority;
  confidence: number;
}

/** The seniority a normalised title states, else "entry" for a recognisable role, else null. */
export function classifySeniority(title: string): SeniorityMatch | null {
  const cleaned = title.replace(notOwner, "$1 role").replace(notPartner, " ").replace(notLead, "leadgen");
  for (const rule of rules) {
    if (rule.pattern.test(cleaned)) return { level: rule.level, confidence: rule.confidence };
  }
  return roleNouns.test(title) ? { level: "entry", confidence: 50 } : null;
}
