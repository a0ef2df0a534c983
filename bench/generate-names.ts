// Invented names for the scale generator: places for councils, committees, and people. Seeded
// choices only (generate-random.ts), so a seed always gives the same archive.
import type { Random } from "./generate-random.ts";

const PLACE_HEADS = [
  "Ash", "Brack", "Bram", "Cal", "Chel", "Corn", "Dal", "Dun", "Elm", "Fern", "Glen", "Hal", "Hart", "Hol", "Kel", "Kings", "Lang", "Lin",
  "Marl", "Mel", "Nor", "Oak", "Pen", "Queen", "Red", "Ros", "Salt", "Shel", "Stan", "Thorn", "Tre", "Wal", "West", "Whit", "Wick", "Wood",
  "Ald", "Bar", "Berk", "Clay", "Craw", "East", "Fal", "Gran", "Heath", "Ing", "Lyd", "Mort", "New", "Pad", "Ray", "Sand", "Stow", "Tam",
];
const PLACE_TAILS = [
  "ford", "ley", "ton", "field", "bury", "ham", "worth", "wick", "mouth", "bridge", "stead", "combe", "dale", "minster", "well", "borough",
  "by", "thorpe", "hurst", "marsh", "more", "caster", "chester", "den", "gate", "holme", "land", "port", "stone", "wood",
];
const COUNCIL_KINDS = ["County Council", "District Council", "Borough Council", "City Council"];

/** Committees a principal council may have, with how often each meets (weeks between meetings). */
export const COMMITTEES: { name: string; weeks: number }[] = [
  { name: "Full Council", weeks: 8 },
  { name: "Cabinet", weeks: 4 },
  { name: "Planning Committee", weeks: 3 },
  { name: "Licensing Committee", weeks: 8 },
  { name: "Licensing Sub-Committee", weeks: 4 },
  { name: "Overview and Scrutiny Committee", weeks: 6 },
  { name: "Audit and Governance Committee", weeks: 10 },
  { name: "Health and Wellbeing Board", weeks: 10 },
  { name: "Children's Services Scrutiny Committee", weeks: 8 },
  { name: "Adult Social Care Scrutiny Committee", weeks: 8 },
  { name: "Environment and Transport Committee", weeks: 6 },
  { name: "Housing Committee", weeks: 6 },
  { name: "Standards Committee", weeks: 13 },
  { name: "Pensions Committee", weeks: 13 },
  { name: "Appointments Committee", weeks: 17 },
  { name: "Regulatory Committee", weeks: 6 },
  { name: "Corporate Parenting Panel", weeks: 10 },
  { name: "Schools Forum", weeks: 8 },
  { name: "Resources Scrutiny Committee", weeks: 8 },
  { name: "Economy and Regeneration Committee", weeks: 8 },
  { name: "Community Safety Partnership Board", weeks: 13 },
  { name: "Area Planning Committee (North)", weeks: 4 },
  { name: "Area Planning Committee (South)", weeks: 4 },
  { name: "Policy and Resources Committee", weeks: 6 },
];

const WOMEN = [
  "Aisha", "Alice", "Angela", "Anna", "Barbara", "Beth", "Bridget", "Carol", "Catherine", "Chloe", "Christine", "Deborah", "Diane",
  "Eileen", "Elaine", "Eleanor", "Emma", "Fiona", "Frances", "Gillian", "Hannah", "Harriet", "Hazel", "Helen", "Irene", "Jacqueline",
  "Jane", "Janet", "Jasmine", "Jean", "Jennifer", "Joan", "Joyce", "Judith", "Karen", "Kathleen", "Laura", "Lesley", "Linda", "Louise",
  "Lucy", "Margaret", "Mary", "Maureen", "Miriam", "Nadia", "Olivia", "Pamela", "Patricia", "Pauline", "Priya", "Rachel", "Rebecca",
  "Rosemary", "Ruth", "Sally", "Sandra", "Sarah", "Shirley", "Sophie", "Susan", "Teresa", "Tracey", "Una", "Valerie", "Victoria", "Wendy",
  "Yasmin", "Zoe",
];
const MEN = [
  "Adam", "Alan", "Amir", "Andrew", "Arthur", "Ben", "Bernard", "Brian", "Carl", "Charles", "Colin", "Craig", "Daniel", "David", "Declan",
  "Dominic", "Donald", "Edward", "Eric", "Frank", "Gareth", "Gary", "Geoffrey", "George", "Graham", "Harvey", "Ian", "Imran", "Isaac",
  "Jack", "James", "Jeremy", "John", "Jonathan", "Joseph", "Julian", "Keith", "Kevin", "Lawrence", "Leonard", "Malcolm", "Mark", "Martin",
  "Matthew", "Michael", "Neil", "Nicholas", "Nigel", "Norman", "Owen", "Patrick", "Paul", "Peter", "Philip", "Rajesh", "Raymond",
  "Richard", "Robert", "Roger", "Samuel", "Simon", "Stephen", "Stuart", "Tariq", "Thomas", "Timothy", "Trevor", "Vincent", "Walter",
  "William", "Yusuf",
];

const SURNAMES = [
  "Abbott", "Acheson", "Adeyemi", "Ainsworth", "Akhtar", "Alderton", "Ashdown", "Atherton", "Babcock", "Bagshaw", "Bannister", "Barraclough",
  "Beaumont", "Bellamy", "Bhatti", "Birtwistle", "Blackwood", "Blenkinsop", "Bosworth", "Boyce", "Braithwaite", "Brennan", "Broadbent",
  "Buckley", "Burgoyne", "Cartwright", "Chadwick", "Chaudhry", "Cheetham", "Clegg", "Colquhoun", "Coulthard", "Crabtree", "Cunningham",
  "Dalgleish", "Darby", "Dearden", "Delaney", "Desai", "Dobson", "Donnelly", "Drinkwater", "Duckworth", "Eastwood", "Eckersley", "Ellwood",
  "Emmerson", "Etherington", "Fairbairn", "Farrant", "Fenwick", "Fitzgerald", "Flanagan", "Fothergill", "Gallagher", "Garside", "Ghosh",
  "Gilchrist", "Goodfellow", "Greenhalgh", "Grimshaw", "Gunnell", "Haigh", "Halliwell", "Hargreaves", "Hartley", "Haworth", "Heseltine",
  "Hinchliffe", "Holroyd", "Horsfall", "Hussain", "Ibbotson", "Illingworth", "Iqbal", "Jagger", "Jarvis", "Jowett", "Kaur", "Kavanagh",
  "Kenworthy", "Kershaw", "Kilbride", "Lambert", "Lazenby", "Leatherbarrow", "Lightfoot", "Lomax", "Lowther", "McAllister", "McCready",
  "Macfarlane", "McGuinness", "Mahmood", "Marchbank", "Mellor", "Metcalfe", "Micklethwaite", "Mohammed", "Moorhouse", "Mulholland",
  "Nettleton", "Newbould", "Nicholls", "Nightingale", "Nolan", "Nwosu", "Oakley", "Obi", "O'Donnell", "Okafor", "Oldroyd", "Ormerod",
  "Osei", "Oxley", "Pargeter", "Patel", "Peacock", "Pemberton", "Pickersgill", "Pilkington", "Popplewell", "Prendergast", "Quigley",
  "Quinlan", "Rafferty", "Ramsbottom", "Rathbone", "Rawcliffe", "Redfern", "Rhodes", "Ridgway", "Rooney", "Rowbotham", "Sagar",
  "Satterthwaite", "Scargill", "Sedgwick", "Shackleton", "Sharma", "Shuttleworth", "Singh", "Slater", "Southworth", "Stansfield",
  "Sutcliffe", "Swindells", "Tattersall", "Thistlethwaite", "Tomlinson", "Townend", "Trelawney", "Tunnicliffe", "Turnbull", "Umpleby",
  "Underwood", "Varley", "Vickers", "Wadsworth", "Wainwright", "Walmsley", "Warburton", "Whitworth", "Wilkinson", "Winterbottom",
  "Woodcock", "Worsley", "Wrigley", "Yardley", "Yeadon", "Zaman", "Ackroyd", "Blamires", "Crowther", "Dewhirst", "Entwistle", "Firth",
  "Gledhill", "Hebden", "Ickeringill", "Jessop", "Kitching", "Laycock", "Midgley", "Naylor", "Oddy", "Priestley", "Rushworth", "Smallwood",
  "Threlfall", "Uttley", "Verity", "Whiteley", "Ashworth", "Brierley", "Clough", "Dyson", "Exley", "Fawcett", "Gaukroger", "Holdsworth",
  "Ingham", "Jagpal", "Kellett", "Lumb", "Mawson", "Nuttall", "Ogden", "Pickles", "Riley", "Stott", "Tordoff", "Uddin", "Walsh", "Ahmed",
  "Begum", "Clarkson", "Dunning", "Egan", "Foley", "Gorman", "Hennessy", "Kearney", "Lennox", "Maguire", "Nugent", "Phelan", "Redmond",
  "Sheridan", "Tierney", "Whelan", "Boateng", "Chowdhury", "Dlamini", "Fernandes", "Gonzalez", "Haddad", "Ivanova", "Jovanovic", "Kowalski",
  "Lindqvist", "Mendes", "Novak", "Oyelaran", "Petrov", "Rahman", "Santos", "Takahashi", "Vasquez", "Wozniak", "Yilmaz", "Zielinski",
];

export interface GeneratedName {
  first: string;
  last: string;
  /** for the honorific: Mr, or Mrs and Ms */
  woman: boolean;
}

export function councilNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const place = random.pick(PLACE_HEADS) + random.pick(PLACE_TAILS);
    // past the combinations of one word, a second word keeps names distinct
    const name = `${names.size >= PLACE_HEADS.length * 4 ? `${random.pick(PLACE_HEADS)}${random.pick(PLACE_TAILS)} and ` : ""}${place} ${random.pick(COUNCIL_KINDS)}`;
    names.add(name);
  }
  return [...names];
}

/**
 * A council's people: distinct surnames within the council (so a bare "Cllr Okafor" is one person
 * there, as in most real councils).
 */
export class NameSource {
  private used = new Set<string>();
  constructor(private readonly random: Random) {}
  next(): GeneratedName {
    // past the plain surnames, double-barrelled ones
    const draw = () => (this.used.size < SURNAMES.length * 0.8 ? this.random.pick(SURNAMES) : `${this.random.pick(SURNAMES)}-${this.random.pick(SURNAMES)}`);
    let last = draw();
    while (this.used.has(last)) last = draw();
    this.used.add(last);
    const woman = this.random.chance(0.5);
    return { first: this.random.pick(woman ? WOMEN : MEN), last, woman };
  }
}
