import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { lessonWithCaptions } from '../../lessons/lessons';
import { useScene } from '../../store';
import { captureStops, type HandoutStop } from './captureStops';
import { useTeachUi } from './teachUi';
import './handout.css';

/** An SVG file as an image address (the page's policy allows data: images). */
const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The open lesson as a handout, over the page: each stop's caption with a picture of its
 * diagram, two stops to a printed page (handout.css); Print opens the browser's print
 * dialog, Close (or Escape) goes back. Drawing it walks the page through the stops and
 * puts the scene back as it was.
 */
export function Handout() {
  const lessonId = useScene((s) => s.lesson);
  const [lesson] = useState(() => lessonWithCaptions(lessonId));
  const [drawing, setDrawing] = useState(0);
  const [stops, setStops] = useState<HandoutStop[] | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const close = () => useTeachUi.getState().show(null);

  useEffect(() => {
    if (!lesson) return;
    let cancelled = false;
    void captureStops(lesson, useScene, setDrawing, () => cancelled).then((done) => {
      if (!cancelled) setStops(done);
    });
    return () => {
      cancelled = true;
    };
  }, [lesson]);
  useEffect(() => {
    if (stops) printButton.current?.focus();
  }, [stops]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault(); // closes the handout only, not presentation mode too
      useTeachUi.getState().show(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!lesson) return null;
  return createPortal(
    <div className="handout paper" role="dialog" aria-modal="true" aria-labelledby="handout-title">
      <div className="handout-toolbar">
        <button ref={printButton} type="button" disabled={!stops} onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={close}>
          Close
        </button>
        <p role="status" className="handout-status">
          {stops
            ? `${stops.length} stops, two to a page.`
            : `Drawing stop ${drawing + 1} of ${lesson.stops.length}…`}
        </p>
      </div>
      <article className="handout-page" data-ready={stops ? '' : undefined}>
        <h1 id="handout-title">{lesson.title}</h1>
        {lesson.teaches && <p className="handout-description">{lesson.teaches}</p>}
        {stops?.map((stop, k) => (
          <section key={k} className="handout-stop" data-stop={k + 1}>
            <h2>
              Stop {k + 1} of {stops.length}
            </h2>
            <div className="handout-pictures">
              {stop.pictures.map((p) => (
                <img
                  key={p.paneId}
                  src={svgUrl(p.svg)}
                  alt={`Cell diagram of model ${p.paneId} at stop ${k + 1}`}
                />
              ))}
            </div>
            <p className="handout-caption">{stop.caption}</p>
          </section>
        ))}
      </article>
    </div>,
    document.body,
  );
}
