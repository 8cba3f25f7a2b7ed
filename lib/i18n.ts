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

/** Picks the text of one language from a `{ en, vi }` pair. */
export function localized<T>(pair: Record<Locale, T>, locale: Locale): T {
  return pair[locale];
}

/** Open Graph style locale tags (`og:locale`). */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en_US', vi: 'vi_VN' };

/**
 * Language tags (BCP 47) for places outside HTML's `lang`: RSS `<language>`, JSON-LD
 * `inLanguage`, hreflang. The locale codes are already valid tags.
 */
export const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en', vi: 'vi' };

const en = {
  siteName: 'Cyberspace Command Archive',
  siteTagline: 'Reports on Command 86, cybersecurity cooperation, digital transformation in the military and the Hanoi Convention, in English and Vietnamese.',
  languageName: 'English',
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navTopics: 'Topics',
  navArchive: 'Archive',
  navPeople: 'People',
  navOrganisations: 'Organisations',
  mainNavigation: 'Main navigation',
  languageSwitcher: 'Language',
  readIn: 'Read in English',
  notAvailableIn: 'Not available in English',
  onlyInOtherLanguage: 'Only in Vietnamese',
  latestStories: 'Latest stories',
  allTopics: 'All topics',
  storyCount: (n: number) => (n === 1 ? '1 story' : `${n} stories`),
  readingTime: (minutes: number) => `${minutes} min read`,
  published: 'Published',
  monthOnlyNote: 'Day not known',
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
  chooseLanguage: 'Choose a language',
  footerNote: 'An archive of published news reports. Each story links to its original source.',
  years: 'Years',
  feedLink: 'RSS feed',
  topicFeedLink: 'RSS feed of this topic',
  /** The title of a feed, and of its `<link rel="alternate">`: the site's, or a topic's. */
  feedTitle: (name: string) => `${name}: RSS feed`,
} as const;

type Dictionary = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const vi: Dictionary = {
  siteName: 'Lưu trữ Tác chiến không gian mạng',
  siteTagline: 'Tin bài về Bộ Tư lệnh 86, hợp tác an ninh mạng, chuyển đổi số trong quân đội và Công ước Hà Nội, bằng tiếng Anh và tiếng Việt.',
  languageName: 'Tiếng Việt',
  skipToContent: 'Chuyển đến nội dung',
  navHome: 'Trang chủ',
  navTopics: 'Chủ đề',
  navArchive: 'Lưu trữ',
  navPeople: 'Nhân vật',
  navOrganisations: 'Tổ chức',
  mainNavigation: 'Điều hướng chính',
  languageSwitcher: 'Ngôn ngữ',
  readIn: 'Đọc bằng tiếng Việt',
  notAvailableIn: 'Chưa có bản tiếng Việt',
  onlyInOtherLanguage: 'Chỉ có bản tiếng Anh',
  latestStories: 'Tin mới nhất',
  allTopics: 'Tất cả chủ đề',
  storyCount: (n: number) => `${n} tin bài`,
  readingTime: (minutes: number) => `${minutes} phút đọc`,
  published: 'Ngày đăng',
  monthOnlyNote: 'Không rõ ngày',
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
  chooseLanguage: 'Chọn ngôn ngữ',
  footerNote: 'Kho lưu trữ các tin bài đã đăng. Mỗi tin bài dẫn về nguồn gốc của nó.',
  years: 'Các năm',
  feedLink: 'Kênh RSS',
  topicFeedLink: 'Kênh RSS của chủ đề này',
  feedTitle: (name: string) => `${name}: kênh RSS`,
};

const DICTIONARIES: Record<Locale, Dictionary> = { en, vi };

export function dictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
