/** Vocabularies for the generated contacts: common names, places, job levels and company words. */
export const firstNames = (
  "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph " +
  "Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret " +
  "Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa " +
  "George Deborah Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Dorothy Jacob " +
  "Amy Gary Kathleen Nicholas Angela Eric Shirley Jonathan Emma Stephen Brenda Larry Pamela Justin Nicole Scott " +
  "Anna Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel Patrick Carolyn Frank " +
  "Janet Raymond Maria Jack Olivia Dennis Heather Jerry Helen Tyler Catherine Aaron Diane Jose Julie Adam Victoria " +
  "Lukas Sophie Maximilian Lena Felix Hannah Paul Mia Louis Chloe Hugo Camille Arjun Priya Rahul Ananya Hiroshi " +
  "Yuki Lucas Beatriz Mateo Sofia Lars Ingrid Sven Astrid Pieter Femke Carlos Lucia Liam Noah Ava Isla"
).split(" ");

export const lastNames = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson " +
  "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson " +
  "Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell " +
  "Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris " +
  "Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward " +
  "Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders " +
  "Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes " +
  "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Dubois Durand Leroy Moreau Laurent " +
  "Sharma Gupta Singh Kumar Tanaka Suzuki Sato Watanabe Silva Santos Oliveira Souza Andersson Johansson Karlsson " +
  "Nilsson DeVries Jansen Bakker Visser Fernandez Romero Navarro Murray Byrne OBrien Walsh Tremblay Gagnon Roy"
).split(" ");

/** [country, weight, [city, state][]] — weights are rough shares of a B2B contact base. */
export const countries: Array<[string, number, Array<[string, string | null]>]> = [
  [
    "United States",
    40,
    [
      ["New York", "NY"],
      ["San Francisco", "CA"],
      ["Austin", "TX"],
      ["Chicago", "IL"],
      ["Boston", "MA"],
      ["Seattle", "WA"],
      ["Denver", "CO"],
      ["Atlanta", "GA"],
      ["Los Angeles", "CA"],
      ["Miami", "FL"],
    ],
  ],
  [
    "United Kingdom",
    10,
    [
      ["London", null],
      ["Manchester", null],
      ["Edinburgh", null],
      ["Bristol", null],
    ],
  ],
  [
    "Germany",
    8,
    [
      ["Berlin", "Berlin"],
      ["Munich", "Bavaria"],
      ["Hamburg", "Hamburg"],
      ["Frankfurt", "Hesse"],
    ],
  ],
  [
    "France",
    6,
    [
      ["Paris", null],
      ["Lyon", null],
      ["Toulouse", null],
    ],
  ],
  [
    "Canada",
    6,
    [
      ["Toronto", "ON"],
      ["Vancouver", "BC"],
      ["Montreal", "QC"],
    ],
  ],
  [
    "India",
    6,
    [
      ["Bangalore", "Karnataka"],
      ["Mumbai", "Maharashtra"],
      ["Pune", "Maharashtra"],
      ["Hyderabad", "Telangana"],
    ],
  ],
  [
    "Australia",
    4,
    [
      ["Sydney", "NSW"],
      ["Melbourne", "VIC"],
      ["Brisbane", "QLD"],
    ],
  ],
  [
    "Netherlands",
    3,
    [
      ["Amsterdam", null],
      ["Rotterdam", null],
      ["Utrecht", null],
    ],
  ],
  [
    "Spain",
    3,
    [
      ["Madrid", null],
      ["Barcelona", null],
      ["Valencia", null],
    ],
  ],
  [
    "Brazil",
    3,
    [
      ["Sao Paulo", "SP"],
      ["Rio de Janeiro", "RJ"],
    ],
  ],
  [
    "Sweden",
    2,
    [
      ["Stockholm", null],
      ["Gothenburg", null],
    ],
  ],
  [
    "Japan",
    2,
    [
      ["Tokyo", null],
      ["Osaka", null],
    ],
  ],
  [
    "Ireland",
    2,
    [
      ["Dublin", null],
      ["Cork", null],
    ],
  ],
  ["Singapore", 1, [["Singapore", null]]],
  ["Israel", 1, [["Tel Aviv", null]]],
  [
    "Mexico",
    1,
    [
      ["Mexico City", null],
      ["Guadalajara", null],
    ],
  ],
  [
    "Poland",
    1,
    [
      ["Warsaw", null],
      ["Krakow", null],
    ],
  ],
  [
    "Switzerland",
    1,
    [
      ["Zurich", null],
      ["Geneva", null],
    ],
  ],
];

/** [seniority, weight, title prefix] */
export const seniorities: Array<[string, number, string]> = [
  ["Entry", 18, ""],
  ["Senior", 27, "Senior "],
  ["Manager", 22, ""],
  ["Director", 14, "Director of "],
  ["VP", 9, "VP of "],
  ["C-Level", 5, "Chief "],
  ["Owner", 3, "Founder"],
  ["Partner", 2, "Partner"],
];

/** [department, weight, individual role, manager role, C-level title] */
export const departments: Array<[string, number, string, string, string]> = [
  ["Engineering", 24, "Software Engineer", "Engineering Manager", "Technology Officer"],
  ["Sales", 20, "Account Executive", "Sales Manager", "Revenue Officer"],
  ["Marketing", 12, "Marketing Specialist", "Marketing Manager", "Marketing Officer"],
  ["Operations", 10, "Operations Analyst", "Operations Manager", "Operating Officer"],
  ["Finance", 8, "Financial Analyst", "Finance Manager", "Financial Officer"],
  ["Product", 8, "Product Manager", "Group Product Manager", "Product Officer"],
  ["Customer Success", 7, "Customer Success Manager", "Customer Success Lead", "Customer Officer"],
  ["Human Resources", 5, "HR Generalist", "HR Manager", "People Officer"],
  ["Legal", 3, "Counsel", "Legal Manager", "Legal Officer"],
  ["Data", 3, "Data Scientist", "Analytics Manager", "Data Officer"],
];

export const companyWords = (
  "Acme Apex Atlas Aurora Beacon Blue Bright Cascade Cedar Cloud Copper Crest Delta Echo Ember Falcon Forge " +
  "Frontier Granite Harbor Horizon Iron Juniper Keystone Lumen Maple Meridian Nimbus North Nova Oak Orbit Pacific " +
  "Peak Pine Pioneer Prism Quantum Quartz Radiant Red River Sage Sierra Silver Solar Spark Spruce Stellar Summit " +
  "Swift Terra Tidal Titan True Unity Vantage Vector Verde Vista Wave Willow Zenith"
).split(" ");

export const companySuffixes = [
  "Labs",
  "Systems",
  "Analytics",
  "Software",
  "Health",
  "Logistics",
  "Capital",
  "Media",
  "Networks",
  "Robotics",
  "Energy",
  "Foods",
  "Security",
  "Payments",
  "Cloud",
  "AI",
  "Bio",
  "Works",
  "Group",
  "Partners",
];
