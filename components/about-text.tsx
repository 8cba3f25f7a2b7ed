import type { ReactNode } from 'react';
import type { Locale } from '@/lib/site/i18n';
import { organisationsUrl } from '@/lib/site/urls';

/**
 * What the archive is, how its stories are chosen, translated and corrected, and whose
 * texts they are, in each language. Prose, not interface words, so it lives here rather
 * than in the dictionary.
 */
const TEXT: Record<Locale, () => ReactNode> = {
  en: () => (
    <>
      <p>
        This archive collects published news reports on Command 86 (Vietnam&apos;s cyberspace operations command),
        cooperation in cybersecurity, digital transformation in the military, and the UN Convention against Cybercrime
        (the &ldquo;Hanoi Convention&rdquo;), in English and Vietnamese, so that they can be read, searched by person
        and organisation, and followed over time.
      </p>
      <h2>How stories are chosen</h2>
      <p>
        A story is a report that a news outlet has published on one of these subjects. An editor adds it through a
        reviewed change to the archive&apos;s files, with the outlet named and, where the report is online, linked. The
        archive adds no reporting of its own and does not change what a report says; it tags the people, organisations
        and topics the report names.
      </p>
      <h2>Originals and translations</h2>
      <p>
        Every language version of a story says what it is: the outlet&apos;s own text, or a translation, from which
        language and by whom. Where an outlet published a translation (such as the English edition of the People&apos;s
        Army Newspaper), its translator is credited. Where the archive translated a text itself, the page says so
        (&ldquo;Translated by the archive from the English text of …&rdquo;). Names, ranks, numbers and document
        references are kept as the source gives them. A date the source does not give is marked as estimated, and a
        person&apos;s post is dated only by the story that reports it, unless a source states when it began.
      </p>
      <h2>Corrections</h2>
      <p>
        A mistake in a story, a translation or the registers of people and organisations is corrected in the
        archive&apos;s files and reviewed like any other change. A correction never alters what the outlet reported; it
        fixes what the archive wrote.
      </p>
      <h2>Whose texts these are</h2>
      <p>
        The text of each report belongs to the outlet that published it, named on every article (see the{' '}
        <a href={organisationsUrl('en')}>organisations</a>); the archive keeps it for reference and research, with a
        link to the original where there is one. The archive&apos;s own translations, its registers of people,
        organisations and topics, and the site itself are the archive&apos;s work; the site&apos;s code is published
        under the MIT licence.
      </p>
    </>
  ),
  vi: () => (
    <>
      <p>
        Kho lưu trữ này tập hợp các tin bài đã đăng về Bộ Tư lệnh 86 (Bộ Tư lệnh Tác chiến không gian mạng), hợp tác an
        ninh mạng, chuyển đổi số trong quân đội và Công ước của Liên hợp quốc về chống tội phạm mạng (&ldquo;Công ước Hà
        Nội&rdquo;), bằng tiếng Anh và tiếng Việt, để người đọc có thể đọc, tìm theo nhân vật, tổ chức và theo dõi theo
        thời gian.
      </p>
      <h2>Cách chọn bài</h2>
      <p>
        Mỗi bài là một tin bài mà một cơ quan báo chí đã đăng về một trong các chủ đề trên. Biên tập viên thêm bài qua
        một thay đổi được duyệt trong các tệp của kho lưu trữ, ghi rõ cơ quan báo chí và, nếu bài có trên mạng, kèm liên
        kết tới bài gốc. Kho lưu trữ không tự viết tin và không thay đổi nội dung bài báo; kho chỉ gắn các nhân vật, tổ
        chức và chủ đề mà bài nêu.
      </p>
      <h2>Nguyên văn và bản dịch</h2>
      <p>
        Mỗi phiên bản ngôn ngữ của một bài đều cho biết đó là gì: nguyên văn của cơ quan báo chí, hay bản dịch, dịch từ
        ngôn ngữ nào và do ai dịch. Khi cơ quan báo chí đăng bản dịch (như ấn bản tiếng Anh của Báo Quân đội nhân dân),
        người dịch được ghi tên. Khi chính kho lưu trữ dịch, trang bài ghi rõ (&ldquo;Bản dịch của kho lưu trữ, từ bản
        tiếng Anh của …&rdquo;). Tên người, cấp bậc, con số và số hiệu văn bản được giữ đúng như nguồn. Ngày mà nguồn
        không ghi được đánh dấu là ước tính, và chức vụ của một người chỉ được ghi thời điểm theo bài đưa tin, trừ khi
        có nguồn nêu rõ thời điểm bắt đầu.
      </p>
      <h2>Đính chính</h2>
      <p>
        Sai sót trong một bài, một bản dịch hay trong danh mục nhân vật, tổ chức được sửa trong các tệp của kho lưu trữ
        và được duyệt như mọi thay đổi khác. Việc đính chính không bao giờ thay đổi điều cơ quan báo chí đã đưa tin; chỉ
        sửa những gì kho lưu trữ đã viết.
      </p>
      <h2>Bản quyền văn bản</h2>
      <p>
        Văn bản của mỗi bài thuộc về cơ quan báo chí đã đăng bài, được ghi tên trên từng bài (xem danh sách{' '}
        <a href={organisationsUrl('vi')}>tổ chức</a>); kho lưu trữ giữ lại để tham khảo và nghiên cứu, kèm liên kết tới
        bài gốc nếu có. Các bản dịch của kho lưu trữ, danh mục nhân vật, tổ chức, chủ đề và bản thân trang web là sản
        phẩm của kho lưu trữ; mã nguồn của trang được công bố theo giấy phép MIT.
      </p>
    </>
  ),
};

export function AboutText({ locale }: { locale: Locale }) {
  return TEXT[locale]();
}
