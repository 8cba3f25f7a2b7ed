/**
 * A deterministic synthetic archive for benchmarks: N stories in English and
 * Vietnamese with realistic lengths (~3 KB English, ~4 KB Vietnamese per body), tags
 * drawn from a synthetic registry of people, organisations and topics. Every name is
 * invented from common syllables and the sentences are neutral filler built from real
 * words, so no story claims anything about a real person. The output follows the
 * content contract, so the project's own loader reads it like any archive.
 *
 * For judging search (bench/relevance.ts), the corpus also holds, on purpose, what makes
 * Vietnamese search hard: the entities the judged queries name, under the seed content's
 * ids, some stories tagged with them without naming them, and sentences whose syllables
 * collide with those names and words once their marks are stripped ("lễ", "xây dựng"
 * beside a "Lê", a name cut by a full stop, "chuyển" and "đổi" apart).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { aliasAmbiguity } from '../lib/content/aliases';

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same archive. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
function pickSome<T>(random: Random, list: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(random, list));
  return [...chosen];
}

const SURNAMES = [
  ['Nguyễn', 'Nguyen'],
  ['Trần', 'Tran'],
  ['Lê', 'Le'],
  ['Phạm', 'Pham'],
  ['Hoàng', 'Hoang'],
  ['Huỳnh', 'Huynh'],
  ['Võ', 'Vo'],
  ['Đặng', 'Dang'],
  ['Bùi', 'Bui'],
  ['Đỗ', 'Do'],
  ['Hồ', 'Ho'],
  ['Ngô', 'Ngo'],
  ['Dương', 'Duong'],
  ['Lý', 'Ly'],
] as const;
const MIDDLES = [
  ['Văn', 'Van'],
  ['Thị', 'Thi'],
  ['Minh', 'Minh'],
  ['Hữu', 'Huu'],
  ['Đức', 'Duc'],
  ['Quốc', 'Quoc'],
  ['Thanh', 'Thanh'],
  ['Ngọc', 'Ngoc'],
] as const;
const GIVEN = [
  ['An', 'An'],
  ['Bình', 'Binh'],
  ['Cường', 'Cuong'],
  ['Dũng', 'Dung'],
  ['Giang', 'Giang'],
  ['Hải', 'Hai'],
  ['Hạnh', 'Hanh'],
  ['Hùng', 'Hung'],
  ['Khoa', 'Khoa'],
  ['Lâm', 'Lam'],
  ['Long', 'Long'],
  ['Mai', 'Mai'],
  ['Nam', 'Nam'],
  ['Phong', 'Phong'],
  ['Quân', 'Quan'],
  ['Sơn', 'Son'],
  ['Tâm', 'Tam'],
  ['Thắng', 'Thang'],
  ['Trung', 'Trung'],
  ['Tuấn', 'Tuan'],
  ['Việt', 'Viet'],
  ['Yến', 'Yen'],
] as const;
const ORG_KINDS = [
  ['Centre for Network Security', 'Trung tâm An ninh mạng', 'CNS'],
  ['Institute of Digital Technology', 'Viện Công nghệ số', 'IDT'],
  ['Cyber Training School', 'Trường Huấn luyện Không gian mạng', 'CTS'],
  ['Data Protection Office', 'Văn phòng Bảo vệ dữ liệu', 'DPO'],
  ['Information Technology Brigade', 'Lữ đoàn Công nghệ thông tin', 'ITB'],
  ['Regional Telecommunications Department', 'Cục Viễn thông khu vực', 'RTD'],
] as const;
const TOPICS = [
  ['network-defence', 'Network defence', 'Phòng thủ mạng'],
  ['digital-transformation', 'Digital transformation', 'Chuyển đổi số'],
  ['international-cooperation', 'International cooperation', 'Hợp tác quốc tế'],
  ['training', 'Training', 'Huấn luyện'],
  ['data-protection', 'Data protection', 'Bảo vệ dữ liệu'],
  ['cybercrime', 'Cybercrime', 'Tội phạm mạng'],
  ['research', 'Research', 'Nghiên cứu'],
  ['emulation-movement', 'Emulation movement', 'Phong trào thi đua'],
  ['conferences', 'Conferences', 'Hội nghị'],
  ['awareness', 'Awareness', 'Tuyên truyền'],
  ['infrastructure', 'Infrastructure', 'Hạ tầng'],
  ['standards', 'Standards', 'Tiêu chuẩn'],
] as const;

const EN_SUBJECTS = [
  'The delegation',
  'The working group',
  'The unit',
  'The committee',
  'The training centre',
  'Officers of the command',
  'The research team',
  'Participants',
  'The organisers',
  'Representatives of the agencies',
  'The technical staff',
  'The conference',
];
const EN_VERBS = [
  'reviewed',
  'discussed',
  'assessed',
  'presented',
  'approved',
  'summarised',
  'proposed',
  'examined',
  'completed',
  'strengthened',
  'implemented',
  'updated',
];
const EN_OBJECTS = [
  'the annual plan for network security',
  'results of the training programme',
  'measures to protect personal data',
  'cooperation in information safety',
  'the schedule of technical exercises',
  'guidelines on digital transformation',
  'the readiness of the monitoring system',
  'lessons from recent incidents',
  'the draft regulation on data sharing',
  'plans for the next quarter',
  'reports from subordinate units',
  'priorities for research and development',
];
const EN_TAILS = [
  'in the first half of the year',
  'with the participation of many units',
  'according to the approved programme',
  'with practical and effective solutions',
  'in line with the assigned tasks',
  'under close supervision',
  'across the whole network',
  'at the regional level',
  'for the coming period',
  'in a spirit of openness',
];

const VI_SUBJECTS = [
  'Đoàn công tác',
  'Tổ công tác',
  'Đơn vị',
  'Ban chỉ đạo',
  'Trung tâm huấn luyện',
  'Cán bộ, chiến sĩ',
  'Nhóm nghiên cứu',
  'Các đại biểu',
  'Ban tổ chức',
  'Đại diện các cơ quan',
  'Đội ngũ kỹ thuật',
  'Hội nghị',
];
const VI_VERBS = [
  'đã rà soát',
  'đã thảo luận',
  'đã đánh giá',
  'đã trình bày',
  'đã thông qua',
  'đã tổng kết',
  'đã đề xuất',
  'đã xem xét',
  'đã hoàn thành',
  'đã tăng cường',
  'đã triển khai',
  'đã cập nhật',
];
const VI_OBJECTS = [
  'kế hoạch năm về bảo đảm an ninh mạng',
  'kết quả chương trình huấn luyện',
  'các biện pháp bảo vệ dữ liệu cá nhân',
  'việc hợp tác trong lĩnh vực an toàn thông tin',
  'lịch trình các cuộc diễn tập kỹ thuật',
  'hướng dẫn về chuyển đổi số',
  'mức độ sẵn sàng của hệ thống giám sát',
  'bài học kinh nghiệm từ các sự cố gần đây',
  'dự thảo quy chế chia sẻ dữ liệu',
  'kế hoạch cho quý tiếp theo',
  'báo cáo của các đơn vị trực thuộc',
  'các ưu tiên cho nghiên cứu và phát triển',
];
const VI_TAILS = [
  'trong sáu tháng đầu năm',
  'với sự tham gia của nhiều đơn vị',
  'theo đúng chương trình đã được phê duyệt',
  'bằng những giải pháp thiết thực, hiệu quả',
  'phù hợp với nhiệm vụ được giao',
  'dưới sự giám sát chặt chẽ',
  'trên toàn mạng lưới',
  'ở cấp khu vực',
  'cho giai đoạn sắp tới',
  'trên tinh thần cởi mở, thẳng thắn',
];

/**
 * Entities the judged queries name (bench/relevance.ts), with the seed content's ids so
 * that the same queries are judged on both. Their sentences are the same neutral filler.
 */
const NAMED_PEOPLE: readonly SyntheticEntity[] = [
  { id: 'le-dung', name: { en: 'Le Dung', vi: 'Lê Dũng' }, aliases: ['Lê Dũng', 'Le Dung', 'General Le Dung'] },
];
const NAMED_ORGANISATIONS: readonly SyntheticEntity[] = [
  { id: 'command-86', name: { en: 'Command 86', vi: 'Bộ Tư lệnh 86' }, aliases: ['BTL 86', 'Bo Tu lenh 86'] },
  {
    id: 'ministry-of-national-defence',
    name: { en: 'Ministry of National Defence', vi: 'Bộ Quốc phòng' },
    aliases: ['MND', 'BQP', 'Bo Quoc phong'],
  },
];
const NAMED_IDS = new Set([...NAMED_PEOPLE, ...NAMED_ORGANISATIONS].map((entity) => entity.id));
/** The share of stories tagged with each named entity. */
const NAMED_SHARE = 0.03;
/** The share of those that never name it in their text: tagged, but not mentioned. */
const TAG_ONLY_SHARE = 1 / 3;

/**
 * People surnamed Lê whom no story is tagged with. Two syllables, so that no registry
 * name (three) is among them, and a story naming one is not missing a tag.
 */
const OTHER_LE = ['Lê Hải', 'Lê Nam', 'Lê Phong', 'Lê Tâm'];
/**
 * The corpus's two language files of a story are drawn independently, not translated
 * from each other, so the numbers they hold differ: the loader warns about that, as
 * expected here and nowhere else.
 */
export const UNTRANSLATED_CORPUS_WARNING = 'NumbersDiffer';

/**
 * Sentences that collide with the judged queries. `someone` is one of OTHER_LE, so that
 * "Lê" and "dựng" share a sentence without being "Lê Dũng", and a name is cut by a full stop
 * that also ends its paragraph.
 */
export const COLLISIONS: readonly { name: string; en: string; vi: (someone: string) => string }[] = [
  {
    name: 'ceremony',
    en: 'A ceremony marked the founding anniversary of the unit.',
    vi: () => 'Lễ kỷ niệm ngày truyền thống của đơn vị được tổ chức trang trọng.',
  },
  {
    name: 'building beside Lê',
    en: '',
    vi: (someone) => `Đồng chí ${someone} nhấn mạnh yêu cầu xây dựng đơn vị vững mạnh toàn diện.`,
  },
  {
    name: 'name cut by a full stop',
    en: 'The last to speak was Tran Minh Le.\n\nDung Hoang then closed the session.',
    vi: () =>
      'Người phát biểu cuối cùng là đồng chí Trần Minh Lê.\n\nDũng khí và trách nhiệm được các đại biểu đề cao.',
  },
  { name: 'using and applying', en: '', vi: () => 'Việc sử dụng và ứng dụng công nghệ mới được đẩy mạnh.' },
  { name: 'courage', en: '', vi: () => 'Tinh thần dũng cảm, sáng tạo của cán bộ được phát huy.' },
  { name: 'practice', en: '', vi: () => 'Công tác thực hành, điều hành được duy trì nền nếp.' },
  { name: 'happiness', en: '', vi: () => 'Cán bộ yên tâm công tác, gia đình hạnh phúc.' },
  {
    name: 'exchange apart from transfer',
    en: 'The two sides exchanged experience and agreed on the transfer of technology.',
    vi: () => 'Các bên đã trao đổi kinh nghiệm và thống nhất chuyển giao công nghệ.',
  },
  {
    name: 'team',
    en: "The unit's team won a high prize at the contest.",
    vi: () => 'Đội tuyển của đơn vị giành giải cao tại hội thi.',
  },
  {
    name: 'Ninh Bình',
    en: 'The delegation worked in Ninh Binh province.',
    vi: () => 'Đoàn công tác làm việc tại tỉnh Ninh Bình, bảo đảm an toàn tuyệt đối.',
  },
  { name: 'Hanoi', en: 'The meeting took place in Hanoi.', vi: () => 'Hội nghị diễn ra tại Hà Nội.' },
  { name: 'cyber apart from security', en: 'The cyber range hosted drills on physical security.', vi: () => '' },
  { name: 'cyber security', en: 'Cyber security drills were held across the network.', vi: () => '' },
  { name: 'cybersecurity', en: 'Cybersecurity was the theme of the opening session.', vi: () => '' },
  {
    name: 'digital apart from transformation',
    en: 'New digital services supported the transformation of training.',
    vi: () => '',
  },
  {
    name: 'another 86',
    en: 'Company 86 took part in every exercise.',
    vi: () => 'Đại đội 86 tham gia đầy đủ các nội dung.',
  },
];
/** The share of stories holding each collision. */
const COLLISION_SHARE = 0.1;

export interface SyntheticEntity {
  id: string;
  name: { en: string; vi: string };
  aliases: string[];
}

export interface SyntheticRegistry {
  topics: { id: string; name: { en: string; vi: string } }[];
  people: SyntheticEntity[];
  organisations: SyntheticEntity[];
}

/** The synthetic registry: a few hundred invented people and organisations, twelve topics. */
export function syntheticRegistry(seed = 86, people = 300, organisations = 120): SyntheticRegistry {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const personList: SyntheticEntity[] = [];
  while (personList.length < people) {
    const [surname, middle, given] = [pick(random, SURNAMES), pick(random, MIDDLES), pick(random, GIVEN)];
    const ascii = `${surname[1]} ${middle[1]} ${given[1]}`;
    const id = `${ascii.toLowerCase().replaceAll(' ', '-')}-${personList.length + 1}`;
    if (seen.has(ascii)) continue;
    seen.add(ascii);
    const vi = `${surname[0]} ${middle[0]} ${given[0]}`;
    personList.push({ id, name: { en: ascii, vi }, aliases: [vi, ascii, `Colonel ${ascii}`] });
  }
  const organisationList = Array.from({ length: organisations }, (_, index) => {
    const [en, vi, short] = ORG_KINDS[index % ORG_KINDS.length] as (typeof ORG_KINDS)[number];
    const number = 100 + index;
    return {
      id: `${short.toLowerCase()}-${number}`,
      name: { en: `${en} ${number}`, vi: `${vi} ${number}` },
      aliases: [`${short} ${number}`],
    };
  });
  return {
    topics: TOPICS.map(([id, en, vi]) => ({ id, name: { en, vi } })),
    people: [...personList, ...NAMED_PEOPLE],
    organisations: [...organisationList, ...NAMED_ORGANISATIONS],
  };
}

export interface SyntheticStory {
  id: string;
  date: string;
  topics: string[];
  people: string[];
  organisations: string[];
  en: { title: string; summary: string; body: string };
  vi: { title: string; summary: string; body: string };
  /** Names of the COLLISIONS its bodies hold. */
  collisions: string[];
}

function sentence(random: Random, parts: readonly (readonly string[])[], names: string[]): string {
  const [subjects, verbs, objects, tails] = parts as [string[], string[], string[], string[]];
  const subject = names.length > 0 && random() < 0.25 ? pick(random, names) : pick(random, subjects);
  return `${subject} ${pick(random, verbs)} ${pick(random, objects)} ${pick(random, tails)}.`;
}

/** A Markdown body of about `bytes` UTF-8 bytes: paragraphs, a subheading, sometimes a list. */
function body(
  random: Random,
  parts: readonly (readonly string[])[],
  names: string[],
  bytes: number,
  heading: string,
): string {
  const blocks: string[] = [];
  let size = 0;
  while (size < bytes) {
    if (blocks.length === 3) blocks.push(`## ${heading}`);
    const paragraph =
      blocks.length === 5 && random() < 0.5
        ? Array.from({ length: 3 }, () => `- ${sentence(random, parts, names)}`).join('\n')
        : Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(random, parts, names)).join(' ');
    blocks.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return blocks.join('\n\n');
}

/** Story `index` of the corpus: the same seed and index always give the same story. */
export function syntheticStory(registry: SyntheticRegistry, index: number, seed = 86): SyntheticStory {
  const random = seededRandom(seed * 100_003 + index);
  // Named entities and collisions draw from their own stream, so that a story tagged with
  // none of the named entities keeps the sentences it had before they were added.
  const deliberate = seededRandom(seed * 100_019 + index);
  const invented = (entities: readonly SyntheticEntity[]) => entities.filter((entity) => !NAMED_IDS.has(entity.id));
  const topics = pickSome(random, registry.topics, 1 + Math.floor(random() * 2));
  const namedPeople = registry.people.filter((person) => NAMED_IDS.has(person.id) && deliberate() < NAMED_SHARE);
  const namedOrganisations = registry.organisations.filter(
    (organisation) => NAMED_IDS.has(organisation.id) && deliberate() < NAMED_SHARE,
  );
  const tagOnly = new Set([...namedPeople, ...namedOrganisations].filter(() => deliberate() < TAG_ONLY_SHARE));
  const people = [...pickSome(random, invented(registry.people), Math.floor(random() * 3)), ...namedPeople];
  const organisations = [
    ...pickSome(random, invented(registry.organisations), 1 + Math.floor(random() * 2)),
    ...namedOrganisations,
  ];
  const collisions = COLLISIONS.filter(() => deliberate() < COLLISION_SHARE);
  const someone = pick(deliberate, OTHER_LE);
  const year = 2015 + Math.floor(random() * 11);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const date = random() < 0.1 ? `${year}-${month}` : `${year}-${month}-${day}`;
  const lead = organisations[0] as SyntheticEntity;
  const topic = topics[0] as (typeof registry.topics)[number];
  const en = [EN_SUBJECTS, EN_VERBS, EN_OBJECTS, EN_TAILS];
  const vi = [VI_SUBJECTS, VI_VERBS, VI_OBJECTS, VI_TAILS];
  const mentioned = [...people, ...organisations].filter((entity) => !tagOnly.has(entity));
  const enNames = mentioned.map((entity) => entity.name.en);
  const viNames = mentioned.map((entity) => entity.name.vi);
  const collisionParagraph = (locale: 'en' | 'vi') => {
    const sentences = collisions
      .map((collision) => (locale === 'en' ? collision.en : collision.vi(someone)))
      .filter((text) => text !== '');
    return sentences.length === 0 ? '' : `\n\n${sentences.join(' ')}`;
  };
  const enTitle = `${lead.name.en} ${pick(random, EN_VERBS)} ${pick(random, EN_OBJECTS)} (${index + 1})`;
  const viTitle = `${lead.name.vi} ${pick(random, VI_VERBS)} ${pick(random, VI_OBJECTS)} (${index + 1})`;
  return {
    id: `story-${String(index + 1).padStart(5, '0')}`,
    date,
    topics: topics.map((entry) => entry.id),
    people: people.map((person) => person.id),
    organisations: organisations.map((organisation) => organisation.id),
    en: {
      title: enTitle,
      summary: `${sentence(random, en, enNames)} ${sentence(random, en, enNames)}`,
      body: `${body(random, en, enNames, 3000, topic.name.en)}${collisionParagraph('en')}`,
    },
    vi: {
      title: viTitle,
      summary: `${sentence(random, vi, viNames)} ${sentence(random, vi, viNames)}`,
      body: `${body(random, vi, viNames, 4000, topic.name.vi)}${collisionParagraph('vi')}`,
    },
    collisions: collisions.map((collision) => collision.name),
  };
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const q = (text: string) => JSON.stringify(text);

function entityYaml(entities: readonly { id: string; name: { en: string; vi: string }; aliases?: string[] }[]): string {
  return entities
    .map((entity) => {
      // The corpus's abbreviations name one entry each, as an editor marks them after checking.
      const alias = (text: string) => (aliasAmbiguity(text) ? `{ name: ${q(text)}, unambiguous: true }` : q(text));
      const aliases = entity.aliases ? `\n  aliases: [${entity.aliases.map(alias).join(', ')}]` : '';
      return `- id: ${entity.id}\n  name: { en: ${q(entity.name.en)}, vi: ${q(entity.name.vi)} }${aliases}`;
    })
    .join('\n\n');
}

/** One language file of a story, as an editor would write it. */
export function articleFile(story: SyntheticStory, locale: 'en' | 'vi'): string {
  const version = story[locale];
  const list = (ids: string[]) => `[${ids.join(', ')}]`;
  return [
    '---',
    `title: ${q(version.title)}`,
    `summary: ${q(version.summary)}`,
    `date: ${q(story.date)}`,
    `topics: ${list(story.topics)}`,
    ...(story.people.length > 0 ? [`people: ${list(story.people)}`] : []),
    `organisations: ${list(story.organisations)}`,
    // Written in English, translated by the archive, as most of the archive's stories are.
    ...(locale === 'en' ? ['original: true'] : ['translated_from: en', 'translator: archive']),
    '---',
    '',
    version.body,
    '',
  ].join('\n');
}

/**
 * Writes the registry files (`registry`, the benchmark's by default) and `stories` story folders into `dir` (which must
 * not be the project's content/).
 */
export function writeCorpus(
  dir: string,
  stories: number,
  seed = 86,
  registry: SyntheticRegistry = syntheticRegistry(seed),
): SyntheticRegistry {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  writeFileSync(path.join(dir, 'topics.yaml'), `${entityYaml(registry.topics)}\n`);
  writeFileSync(path.join(dir, 'people.yaml'), `${entityYaml(registry.people)}\n`);
  writeFileSync(path.join(dir, 'organisations.yaml'), `${entityYaml(registry.organisations)}\n`);
  for (let index = 0; index < stories; index++) writeStory(dir, syntheticStory(registry, index, seed));
  return registry;
}

/** Writes one story's folder (both languages). */
export function writeStory(dir: string, story: SyntheticStory): void {
  const folder = path.join(dir, 'articles', story.id);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'en.md'), articleFile(story, 'en'));
  writeFileSync(path.join(folder, 'vi.md'), articleFile(story, 'vi'));
}
