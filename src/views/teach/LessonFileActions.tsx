import { useRef, useState } from 'react';
import { download } from '../../io/export/download';
import { useLinkNotice } from '../../io/notices';
import { AUTHORED_ID } from '../../lessons/authored';
import {
  addNotice,
  LESSON_NOTICE_TITLE,
  lessonJson,
  MAX_LESSON_LINK_CHARS,
  readLessonText,
  sizeRefusal,
} from '../../lessons/lessonFile';
import { goToStop } from '../../lessons/navigate';
import { useScene } from '../../store';
import { useLessonDraft } from './lessonDraft';
import { authoredLessonLink, copyText } from './lessonLinks';

/** A file name from a title: "the-lstm-belt.gatescope-lesson.json". */
const fileName = (title: string) =>
  `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'lesson'
  }.gatescope-lesson.json`;

/** What the last action said: a confirmation, or a refusal (shown as an alert). */
type Said = { text: string; refused: boolean };

/**
 * Open lesson file, Save lesson, Copy lesson link and Play lesson. A file that cannot be
 * read is refused with its reason, and the lesson being written stays as it was.
 */
export function LessonFileActions() {
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<Said>({ text: '', refused: false });
  const [manual, setManual] = useState<string | null>(null);
  const stops = useLessonDraft((s) => s.draft.stops.length);

  const open = async (file: File) => {
    // Size first: a file too large is refused before a byte of it is read.
    const tooLarge = sizeRefusal(file.size);
    const read = tooLarge ? { problem: tooLarge } : readLessonText(await file.text());
    if ('problem' in read) {
      setSaid({ text: `Could not open “${file.name}”: ${read.problem}`, refused: true });
      return;
    }
    useLessonDraft.getState().replace(read.draft);
    goToStop(useScene, AUTHORED_ID, 0);
    addNotice(useLinkNotice, LESSON_NOTICE_TITLE, [...read.notes]);
    setSaid({
      text: `Opened “${read.draft.title}” (${read.draft.stops.length === 1 ? '1 stop' : `${read.draft.stops.length} stops`}).`,
      refused: false,
    });
  };
  const save = () => {
    const { draft } = useLessonDraft.getState();
    download(lessonJson(draft), fileName(draft.title), 'application/json');
    setSaid({ text: 'Saved the lesson file.', refused: false });
  };
  const copyLink = async () => {
    const link = authoredLessonLink();
    if (!link) {
      setSaid({
        text: `The lesson is too long for a link (more than ${MAX_LESSON_LINK_CHARS} characters compressed): save it as a file instead.`,
        refused: true,
      });
      return;
    }
    const copied = await copyText(link);
    setManual(copied ? null : link);
    setSaid({
      text: copied
        ? 'Copied the lesson link: it holds the whole lesson.'
        : 'Press Ctrl+C (⌘C on a Mac) to copy the lesson link, selected below.',
      refused: false,
    });
  };
  return (
    <div className="author-actions">
      <div className="author-buttons">
        <button type="button" onClick={() => input.current?.click()}>
          Open lesson file
        </button>
        <button type="button" onClick={save} disabled={stops === 0}>
          Save lesson
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={stops === 0}>
          Copy lesson link
        </button>
        <button
          type="button"
          onClick={() => goToStop(useScene, AUTHORED_ID, 0)}
          disabled={stops === 0}
        >
          Play lesson
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Lesson file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void open(file);
          }}
        />
      </div>
      {manual !== null && (
        <input
          type="text"
          readOnly
          aria-label="Lesson link to copy"
          value={manual}
          ref={(el) => el?.select()}
        />
      )}
      <p className="author-status" role="status">
        {said.refused ? '' : said.text}
      </p>
      {said.refused && (
        <p className="author-refusal" role="alert">
          {said.text}
        </p>
      )}
    </div>
  );
}
