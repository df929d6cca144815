import type { Department } from "./title-taxonomy.ts";

/**
 * Department keywords. A title is read left to right and the first keyword wins ("Marketing
 * Data Analyst" is marketing, "Software Engineer, Marketing" is engineering); where two start at
 * the same place the longer wins, so phrases ("sales engineer", "product marketing",
 * "customer success") beat their single words.
 */
const keywords: readonly (readonly [Department, RegExp])[] = [
  [
    "executive",
    /\b(ceo|chief executive|founder|co-?founder|owner|(?<!vice[\s-]?)president|managing director|general manager|gm|chair(man|woman|person)?|board|geschaftsfuhrer(in)?|pdg|direct(eur|rice|or|ora) general[e]?|inhaber(in)?|executive director)\b/g,
  ],
  [
    "engineering",
    /\b(engineer(ing)?|developer|software|programmer|devops|sre|qa|quality assurance|test automation|firmware|frontend|front-end|backend|back-end|full-?stack|cto|technology|tech lead|product engineer|ingenieur|entwickler|developpeur|desarrollador|r&d)\b/g,
  ],
  ["product", /\b(product|cpo|product owner|product manager)\b/g],
  [
    "design",
    /\b(design(er)?|product design(er)?|ux|ui|user experience|creative|art director|illustrator|graphic)\b/g,
  ],
  [
    "data",
    /\b(data|analytics|machine learning|ml|ai|bi|business intelligence|data scientist|data engineer|data analyst|cdo|statistician)\b/g,
  ],
  [
    "it",
    /\b(it|information technology|systems? administrator|sysadmin|network|helpdesk|help desk|service desk|infrastructure|cio|ciso|chief information( security)?|information security|cyber ?security|infosec|systems? admin)\b/g,
  ],
  [
    "sales",
    /\b(sales|partnerships?|partner manager|channel|alliances?|account executive|ae|sdr|bdr|business development|account manager|account management|revenue|cro|commercial|vertrieb|ventas|vendas|vendedor|verkauf|sales engineer(ing)?|solutions? engineer|pre-?sales|revenue operations|revops|sales operations|inside sales|key account)\b/g,
  ],
  [
    "marketing",
    /\b(marketing|cmo|brand|growth|content|seo|sem|social media|communications?|pr|public relations|demand gen(eration)?|lead gen(eration)?|product marketing|marketing operations|events?|copywriter|community)\b/g,
  ],
  [
    "customer_success",
    /\b(customer success|client success|csm|customer experience|cx|onboarding|customer retention|implementation)\b/g,
  ],
  [
    "support",
    /\b(support|customer service|customer care|customer support|technical support|service desk)\b/g,
  ],
  [
    "finance",
    /\b(finance|financial|cfo|accountant|accounting|accounts payable|accounts receivable|controller|comptroller|treasurer|treasury|tax|audit(or)?|fp&a|bookkeeper|investor relations|comptable|buchhalter(in)?|contador[a]?|finanzen)\b/g,
  ],
  [
    "operations",
    /\b(operations|operating|ops|coo|supply chain|logistics|procurement|purchasing|facilities|office manager|administrative|admin|executive assistant|personal assistant|chief of staff|business operations|warehouse|fulfillment)\b/g,
  ],
  [
    "human_resources",
    /\b(hr|human resources|people|people operations|talent|recruit(er|ing|ment)?|chro|hrbp|payroll|compensation|benefits|learning and development|recursos humanos|ressources humaines|personalwesen)\b/g,
  ],
  [
    "legal",
    /\b(legal|counsel|general counsel|attorney|lawyer|paralegal|compliance|clo|solicitor|barrister|avocat|abogad[oa]|rechtsanwalt|jurist(e|in)?)\b/g,
  ],
  [
    "education",
    /\b(teacher|professor|lecturer|instructor|tutor|educator|faculty|dean|school|teaching|enseignant|lehrer(in)?|profesor[a]?)\b/g,
  ],
  [
    "health",
    /\b(nurse|nursing|physician|doctor|surgeon|clinical|clinician|medical|pharmacist|therapist|dentist|patient|healthcare|health care|veterinarian|caregiver|radiologist)\b/g,
  ],
];

/** Titles where "IT" is written in capitals: matched on the original text, since "it" is also a word. */
const upperIt = /\bIT\b/;

export interface DepartmentMatch {
  department: Department;
  confidence: number;
}

export function classifyDepartment(normalised: string, original: string): DepartmentMatch | null {
  let best: { department: Department; index: number; length: number } | null = null;
  for (const [department, pattern] of keywords) {
    for (const match of normalised.matchAll(pattern)) {
      if (department === "it" && match[0] === "it" && !upperIt.test(original)) continue;
      const better =
        !best || match.index < best.index || (match.index === best.index && match[0].length > best.length);
      if (better) best = { department, index: match.index, length: match[0].length };
    }
  }
  if (!best) return null;
  return { department: best.department, confidence: best.department === "executive" ? 85 : 80 };
}
