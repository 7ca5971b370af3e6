import { useId } from 'react';
import { useLinkNotice } from '../io/notices';
import '../io/links.css';

/**
 * What a link (or the saved scene) held that could not be read, one sentence per setting,
 * with a Dismiss button. Renders nothing when everything was read. role="status": a
 * polite note, not an alert; the page opened with defaults for those settings.
 */
export function LinkNotice() {
  const title = useLinkNotice((s) => s.title);
  const problems = useLinkNotice((s) => s.problems);
  const dismiss = useLinkNotice((s) => s.dismiss);
  const titleId = useId();
  if (title === null) return null;
  return (
    <div className="link-notice" role="status" aria-labelledby={titleId}>
      <p id={titleId} className="link-notice-title">
        {title}
      </p>
      <ul>
        {problems.map((problem, k) => (
          <li key={`${k}:${problem}`}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
