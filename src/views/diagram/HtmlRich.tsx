import { parseRich } from './rich';

/** Props of {@link HtmlRich}. */
export interface HtmlRichProps {
  /** Label in the markup of ./rich ("c_{t−1}"). */
  label: string;
}

/** A marked-up label as HTML text with `<sub>` and `<sup>`. */
export function HtmlRich({ label }: HtmlRichProps) {
  return parseRich(label).map((segment, k) => {
    if (segment.kind === 'sub') return <sub key={k}>{segment.text}</sub>;
    if (segment.kind === 'sup') return <sup key={k}>{segment.text}</sup>;
    return <span key={k}>{segment.text}</span>;
  });
}
