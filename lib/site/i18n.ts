/**
 * Languages of the archive and the words of its interface.
 * The locale list is the single source: routes, dictionaries and types derive from it.
 */

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Narrows a route parameter to a locale, or throws: a route only exists for known locales. */
export function assertLocale(value: string): Locale {
  if (!isLocale(value)) throw new Error(`Unknown language "${value}": expected one of ${LOCALES.join(', ')}`);
  return value;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'vi' : 'en';
}

/** Open Graph style locale tags (`og:locale`). */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en_US', vi: 'vi_VN' };

/**
 * Language tags (BCP 47) for places outside HTML's `lang`: RSS `<language>`, JSON-LD
 * `inLanguage`, hreflang. The locale codes are already valid tags.
 */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', vi: 'vi' };

/** An English count with its noun in the singular or the plural ("1 story", "3 stories"). */
const englishCount = (n: number, singular: string, plural: string) => (n === 1 ? `1 ${singular}` : `${n} ${plural}`);

const en = {
  siteName: 'Cyberspace Command Archive',
  siteTagline:
    'Reports on Command 86, cybersecurity cooperation, digital transformation in the military and the Hanoi Convention, in English and Vietnamese.',
  languageName: 'English',
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navTopics: 'Topics',
  navArchive: 'Archive',
  navPeople: 'People',
  navOrganisations: 'Organisations',
  mainNavigation: 'Main navigation',
  languageSwitcher: 'Language',
  notAvailableIn: 'Not available in English',
  onlyInOtherLanguage: 'Only in Vietnamese',
  photoNotHeld: 'Photo not held by the archive',
  draft: 'Draft',
  draftNotice: 'Draft: shown only by npm run dev, never published. Set draft: false to publish it.',
  latestStories: 'Latest stories',
  storyCount: (n: number) => englishCount(n, 'story', 'stories'),
  readingTime: (minutes: number) => `${minutes} min read`,
  published: 'Published',
  topics: 'Topics',
  people: 'People',
  organisations: 'Organisations',
  source: 'Source',
  author: 'Reporter',
  translator: 'Translator',
  archiveTitle: 'Archive',
  archiveIntro: 'Every story, by year and month.',
  topicsIntro: 'The subjects this archive follows.',
  peopleIntro: 'People named in the stories.',
  organisationsIntro: 'Organisations named in the stories.',
  storiesAbout: 'Stories',
  yearTitle: (year: number) => `Stories of ${year}`,
  noStories: 'No stories yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  backHome: 'Go to the home page',
  footerNote: 'An archive of published news reports. Each story links to its original source.',
  years: 'Years',
  searchTitle: 'Search the archive',
  searchLabel: 'Search stories, people and organisations',
  searchPlaceholder: 'e.g. Lê Dũng, BTL 86',
  searchButton: 'Search',
  searchIntro: 'Type words, a name or an abbreviation, with or without Vietnamese diacritics.',
  searchKeyHint: 'Press / anywhere to search.',
  searchLoading: 'Loading the search index…',
  searchFailed: 'The search index could not be loaded. Check your connection and reload the page.',
  resultCount: (n: number) => (n === 1 ? '1 result' : `${n} results`),
  moreResults: 'Show more results',
  resultsShown: (shown: number, total: number) => `Showing ${shown} of ${total}`,
  moreApart: (n: number, words: number) =>
    `${n} more ${n === 1 ? 'story contains' : 'stories contain'} ${words === 1 ? 'this word only in another form' : 'these words only separately or in another form'}`,
  onlyApart: (words: number) =>
    words === 1
      ? 'No story has this word exactly as typed; these have it in another form.'
      : 'No story has these words together as typed; these have them separately or in another form.',
  taggedWith: 'Tagged:',
  noResults: (query: string) => `Nothing found for “${query}”.`,
  didYouMean: 'Did you mean',
  otherLanguageResults: (n: number) =>
    n === 1 ? '1 story in Vietnamese matches.' : `${n} stories in Vietnamese match.`,
  searchOtherLanguageToo: 'Search stories in Vietnamese too',
  browseInstead: 'Try fewer words or another spelling, or browse:',
  searchNeedsScript:
    'Search needs JavaScript, which is off or not available in this browser. Every story can still be found by browsing:',
  searchStartTitle: 'What you can search for',
  mostMentionedPeople: 'People named most often',
  mostMentionedOrganisations: 'Organisations named most often',
  suggestions: 'People, organisations and topics',
  refine: 'Refine results',
  facetTopics: 'Topic',
  facetYear: 'Year',
  facetPeople: 'Person',
  facetOrganisations: 'Organisation',
  languagesFacet: 'Languages',
  includeOtherLanguage: 'Include stories in Vietnamese',
  inOtherLanguage: 'In Vietnamese',
  kindTopics: 'Topic',
  kindPeople: 'Person',
  kindOrganisations: 'Organisation',
  storiesPerMonth: 'Stories per month',
  chartSummary: (months: number, stories: number) =>
    `${englishCount(stories, 'story', 'stories')} over ${englishCount(months, 'month', 'months')}.`,
  chartBarsLink: 'Each bar links to its month.',
  browseArchive: 'Browse every story by year and month',
  showAsTable: 'Show as a table',
  monthColumn: 'Month',
  storiesColumn: 'Stories',
  barLabel: (month: string, count: number) => `${month}: ${englishCount(count, 'story', 'stories')}`,
  archiveSpan: (first: string, last: string) => `The archive runs from ${first} to ${last}.`,
  alsoKnownAs: 'Also known as',
  breadcrumb: 'Breadcrumb',
  shareTitle: 'Share this story',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  linkNotCopied: 'The link could not be copied; take it from the address bar.',
  shareByEmail: 'Email',
  appearsWith: 'Appears with',
  appearsWithCount: (n: number) => (n === 1 ? 'in 1 story' : `in ${n} stories`),
  roleHistory: 'Roles',
  roleSince: 'since',
  roleReportedIn: 'as reported in',
  roleUndated: 'date not known',
  theArchive: 'the archive',
  originalText: (outlet: string | undefined) =>
    outlet ? `The original text, as published by ${outlet}.` : 'The original text.',
  translatedText: (translator: string | undefined, language: string, outlet: string | undefined) =>
    `${translator ? `Translated by ${translator}` : 'Translated'} from the ${language} text${outlet ? ` of ${outlet}` : ''}.`,
  translatedBy: (translator: string) => `translated by ${translator}`,
  originalReporter: 'Reporter of the original',
  sourcePage: 'all its stories in the archive',
  inLanguage: (language: string) => `in ${language}`,
  rightsNote: (outlet: string) => `The text of this report belongs to ${outlet}; the archive keeps it for reference.`,
  dateEstimated: 'estimated',
  dateEstimatedNote: 'The source does not give the date; the archive estimates it.',
  updated: 'Updated',
  corrections: 'Corrections',
  correctionsIntro: 'This text was corrected after it was published:',
  storyMovedTitle: 'This story has moved',
  storyMovedText: 'The story now has a new address. If your browser does not take you there, follow this link:',
  creditsTitle: 'Credited in',
  creditAsAuthor: 'Reported',
  creditAsTranslator: 'Translated',
  creditAsSource: 'Published',
  aboutTitle: 'About this archive',
  aboutDescription:
    'What this archive is, how its stories are chosen, translated and corrected, and whose texts they are.',
  peopleOfOrganisation: 'People',
  relatedStories: 'Related stories',
  olderStory: 'Older story',
  newerStory: 'Newer story',
  storyNavigation: 'Stories before and after',
  feedLink: 'RSS feed',
  topicFeedLink: 'RSS feed of this topic',
  personFeedLink: 'RSS feed of this person',
  organisationFeedLink: 'RSS feed of this organisation',
  /** The title of a feed's `<link rel="alternate">`: the site's, or a topic's, person's or organisation's. */
  feedTitle: (name: string) => `${name}: RSS feed`,
  pageNavigation: 'Pages of this list',
  firstPage: 'First',
  previousPage: 'Previous',
  nextPage: 'Next',
  lastPage: 'Last',
  pageNumber: (page: number) => `Page ${page}`,
  pageOfCount: (page: number, count: number) => `Page ${page} of ${count}`,
  /** A later page of a list in titles and headings: "Topic name, page 2". */
  titleOnPage: (title: string, page: number) => `${title}, page ${page}`,
  monthContinued: (month: string) => `${month} (continued)`,
} as const;

export type Dictionary = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const vi: Dictionary = {
  siteName: 'Lưu trữ Tác chiến không gian mạng',
  siteTagline:
    'Tin bài về Bộ Tư lệnh 86, hợp tác an ninh mạng, chuyển đổi số trong quân đội và Công ước Hà Nội, bằng tiếng Anh và tiếng Việt.',
  languageName: 'Tiếng Việt',
  skipToContent: 'Chuyển đến nội dung',
  navHome: 'Trang chủ',
  navTopics: 'Chủ đề',
  navArchive: 'Lưu trữ',
  navPeople: 'Nhân vật',
  navOrganisations: 'Tổ chức',
  mainNavigation: 'Điều hướng chính',
  languageSwitcher: 'Ngôn ngữ',
  notAvailableIn: 'Chưa có bản tiếng Việt',
  onlyInOtherLanguage: 'Chỉ có bản tiếng Anh',
  photoNotHeld: 'Ảnh không được lưu trong kho',
  draft: 'Bản nháp',
  draftNotice: 'Bản nháp: chỉ hiện khi chạy npm run dev, không bao giờ được đăng. Đặt draft: false để đăng bài.',
  latestStories: 'Tin mới nhất',
  storyCount: (n: number) => `${n} tin bài`,
  readingTime: (minutes: number) => `${minutes} phút đọc`,
  published: 'Ngày đăng',
  topics: 'Chủ đề',
  people: 'Nhân vật',
  organisations: 'Tổ chức',
  source: 'Nguồn',
  author: 'Phóng viên',
  translator: 'Người dịch',
  archiveTitle: 'Lưu trữ',
  archiveIntro: 'Toàn bộ tin bài, theo năm và tháng.',
  topicsIntro: 'Các chủ đề mà kho lưu trữ theo dõi.',
  peopleIntro: 'Những nhân vật được nêu tên trong các tin bài.',
  organisationsIntro: 'Những tổ chức được nêu tên trong các tin bài.',
  storiesAbout: 'Tin bài',
  yearTitle: (year: number) => `Tin bài năm ${year}`,
  noStories: 'Chưa có tin bài.',
  notFoundTitle: 'Không tìm thấy trang',
  notFoundText: 'Không có trang nào ở địa chỉ này. Trang có thể đã được chuyển đi hoặc đường dẫn bị gõ sai.',
  backHome: 'Về trang chủ',
  footerNote: 'Kho lưu trữ các tin bài đã đăng. Mỗi tin bài dẫn về nguồn gốc của nó.',
  years: 'Các năm',
  searchTitle: 'Tìm kiếm trong kho lưu trữ',
  searchLabel: 'Tìm tin bài, nhân vật và tổ chức',
  searchPlaceholder: 'ví dụ: Lê Dũng, BTL 86',
  searchButton: 'Tìm',
  searchIntro: 'Gõ từ khóa, tên hoặc chữ viết tắt, có dấu hoặc không dấu.',
  searchKeyHint: 'Nhấn / ở bất kỳ đâu để tìm kiếm.',
  searchLoading: 'Đang tải chỉ mục tìm kiếm…',
  searchFailed: 'Không tải được chỉ mục tìm kiếm. Hãy kiểm tra kết nối và tải lại trang.',
  resultCount: (n: number) => `${n} kết quả`,
  moreResults: 'Xem thêm kết quả',
  resultsShown: (shown: number, total: number) => `Đang hiển thị ${shown} trên ${total}`,
  moreApart: (n: number, words: number) =>
    `${n} tin bài khác chứa ${words === 1 ? 'từ này ở dạng khác' : 'các từ này ở vị trí rời nhau hoặc ở dạng khác'}`,
  onlyApart: (words: number) =>
    words === 1
      ? 'Không tin bài nào có từ này đúng như đã gõ; các tin bài dưới đây có từ này ở dạng khác.'
      : 'Không tin bài nào có các từ này liền nhau đúng như đã gõ; các tin bài dưới đây có chúng ở vị trí rời nhau hoặc ở dạng khác.',
  taggedWith: 'Gắn thẻ:',
  noResults: (query: string) => `Không tìm thấy kết quả cho “${query}”.`,
  didYouMean: 'Có phải bạn muốn tìm',
  otherLanguageResults: (n: number) => `Có ${n} tin bài bằng tiếng Anh phù hợp.`,
  searchOtherLanguageToo: 'Tìm cả tin bài bằng tiếng Anh',
  browseInstead: 'Hãy thử ít từ hơn hoặc cách viết khác, hoặc xem theo:',
  searchNeedsScript:
    'Tìm kiếm cần JavaScript, nhưng trình duyệt này đang tắt hoặc không hỗ trợ. Bạn vẫn có thể tìm mọi tin bài qua các trang:',
  searchStartTitle: 'Bạn có thể tìm',
  mostMentionedPeople: 'Nhân vật được nhắc đến nhiều nhất',
  mostMentionedOrganisations: 'Tổ chức được nhắc đến nhiều nhất',
  suggestions: 'Nhân vật, tổ chức và chủ đề',
  refine: 'Lọc kết quả',
  facetTopics: 'Chủ đề',
  facetYear: 'Năm',
  facetPeople: 'Nhân vật',
  facetOrganisations: 'Tổ chức',
  languagesFacet: 'Ngôn ngữ',
  includeOtherLanguage: 'Gồm cả tin bài bằng tiếng Anh',
  inOtherLanguage: 'Bằng tiếng Anh',
  kindTopics: 'Chủ đề',
  kindPeople: 'Nhân vật',
  kindOrganisations: 'Tổ chức',
  storiesPerMonth: 'Số tin bài theo tháng',
  chartSummary: (months: number, stories: number) => `${stories} tin bài trong ${months} tháng.`,
  chartBarsLink: 'Mỗi cột dẫn tới tháng của nó.',
  browseArchive: 'Xem mọi tin bài theo năm và tháng',
  showAsTable: 'Xem dạng bảng',
  monthColumn: 'Tháng',
  storiesColumn: 'Số tin bài',
  barLabel: (month: string, count: number) => `${month}: ${count} tin bài`,
  archiveSpan: (first: string, last: string) => `Kho lưu trữ trải từ ${first} đến ${last}.`,
  alsoKnownAs: 'Còn gọi là',
  breadcrumb: 'Vị trí trang',
  shareTitle: 'Chia sẻ tin bài',
  copyLink: 'Sao chép liên kết',
  linkCopied: 'Đã sao chép liên kết.',
  linkNotCopied: 'Không sao chép được liên kết; hãy lấy từ thanh địa chỉ.',
  shareByEmail: 'Email',
  appearsWith: 'Thường xuất hiện cùng',
  appearsWithCount: (n: number) => `trong ${n} tin bài`,
  roleHistory: 'Chức vụ',
  roleSince: 'từ',
  roleReportedIn: 'theo tin',
  roleUndated: 'chưa rõ thời điểm',
  theArchive: 'kho lưu trữ',
  originalText: (outlet: string | undefined) => (outlet ? `Nguyên văn bài của ${outlet}.` : 'Nguyên văn bài gốc.'),
  translatedText: (translator: string | undefined, language: string, outlet: string | undefined) =>
    `${translator ? `Bản dịch của ${translator}` : 'Bản dịch'}, từ bản ${language}${outlet ? ` của ${outlet}` : ''}.`,
  translatedBy: (translator: string) => `người dịch: ${translator}`,
  originalReporter: 'Phóng viên bài gốc',
  sourcePage: 'mọi bài của nguồn này trong kho',
  inLanguage: (language: string) => `bằng ${language}`,
  rightsNote: (outlet: string) => `Bản quyền văn bản bài này thuộc về ${outlet}; kho lưu trữ giữ lại để tham khảo.`,
  dateEstimated: 'ước tính',
  dateEstimatedNote: 'Nguồn không ghi ngày đăng; đây là thời điểm do kho lưu trữ ước tính.',
  updated: 'Cập nhật',
  corrections: 'Đính chính',
  correctionsIntro: 'Bài này đã được đính chính sau khi đăng:',
  storyMovedTitle: 'Tin bài đã chuyển địa chỉ',
  storyMovedText: 'Tin bài nay có địa chỉ mới. Nếu trình duyệt không tự chuyển, hãy theo đường dẫn này:',
  creditsTitle: 'Được ghi công trong',
  creditAsAuthor: 'Viết bài',
  creditAsTranslator: 'Dịch',
  creditAsSource: 'Đăng tải',
  aboutTitle: 'Về kho lưu trữ này',
  aboutDescription:
    'Kho lưu trữ này là gì, bài được chọn, dịch và đính chính ra sao, và bản quyền văn bản thuộc về ai.',
  peopleOfOrganisation: 'Nhân vật',
  relatedStories: 'Tin bài liên quan',
  olderStory: 'Tin bài trước',
  newerStory: 'Tin bài sau',
  storyNavigation: 'Tin bài trước và sau',
  feedLink: 'Kênh RSS',
  topicFeedLink: 'Kênh RSS của chủ đề này',
  personFeedLink: 'Kênh RSS của nhân vật này',
  organisationFeedLink: 'Kênh RSS của tổ chức này',
  feedTitle: (name: string) => `${name}: kênh RSS`,
  pageNavigation: 'Các trang của danh sách',
  firstPage: 'Đầu',
  previousPage: 'Trước',
  nextPage: 'Sau',
  lastPage: 'Cuối',
  pageNumber: (page: number) => `Trang ${page}`,
  pageOfCount: (page: number, count: number) => `Trang ${page}/${count}`,
  titleOnPage: (title: string, page: number) => `${title}, trang ${page}`,
  monthContinued: (month: string) => `${month} (tiếp)`,
};

const DICTIONARIES: Record<Locale, Dictionary> = { en, vi };

export function dictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
