import { LazyPanel } from '../LazyPanel';
import { LazyAuthorPanel, LazyEmbedPanel, LazyHandout } from '../lazyPanels';
import { useTeachUi } from './teachUi';

/** The open teacher's tool (see TeachButtons), loaded on demand; nothing when none is. */
export function TeachPanels() {
  const open = useTeachUi((s) => s.open);
  if (open === null) return null;
  return (
    <LazyPanel what={open === 'author' ? 'the lesson editor' : open} minHeight={120}>
      {open === 'author' && <LazyAuthorPanel />}
      {open === 'embed' && <LazyEmbedPanel />}
      {open === 'print' && <LazyHandout />}
    </LazyPanel>
  );
}
