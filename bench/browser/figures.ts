/** What one printed figure is: its table, row labels, unit and target. */
export interface FigureSpec {
  /** The table it is printed in. */
  section: string;
  scene: string;
  measure: string;
  unit: 'ms' | 'updates/s' | 'count' | 'ratio';
  /** Compared with the median of the runs. */
  target?: { op: '<' | '≥' | '='; value: number };
}

interface Row {
  spec: FigureSpec;
  /** One per run; null when the run did not produce the figure (see `notes`). */
  values: (number | null)[];
  notes: Set<string>;
}

const fmt = (value: number, unit: FigureSpec['unit']) => {
  if (unit === 'count') return value.toFixed(0);
  if (unit === 'updates/s') return value.toFixed(1);
  if (unit === 'ratio') return value.toFixed(2);
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
};

function meets(value: number, target: NonNullable<FigureSpec['target']>): boolean {
  if (target.op === '<') return value < target.value;
  if (target.op === '≥') return value >= target.value;
  return value === target.value;
}

/** Figures collected over several runs, printed as min / median / max per figure. */
export class Figures {
  private readonly rows = new Map<string, Row>();

  private row(spec: FigureSpec): Row {
    const key = `${spec.section}\n${spec.scene}\n${spec.measure}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { spec, values: [], notes: new Set() };
      this.rows.set(key, row);
    }
    return row;
  }

  /** Records one run's value of a figure. */
  add(spec: FigureSpec, value: number): void {
    this.row(spec).values.push(value);
  }

  /** Records that a run did not produce a figure, and why ("did not finish within 60 s"). */
  miss(spec: FigureSpec, why: string): void {
    const row = this.row(spec);
    row.values.push(null);
    row.notes.add(why);
  }

  /** The median of a figure's runs (NaN when none finished). */
  median(spec: FigureSpec): number {
    return summary(this.row(spec).values)?.median ?? NaN;
  }

  /**
   * Prints one Markdown table per section. Times also appear divided by the calibration
   * figure (`calibrationMs`), the ratio to compare across machines.
   */
  print(calibrationMs: number): void {
    const sections = new Map<string, Row[]>();
    for (const row of this.rows.values()) {
      const list = sections.get(row.spec.section) ?? [];
      list.push(row);
      sections.set(row.spec.section, list);
    }
    for (const [section, rows] of sections) {
      console.log(`\n### ${section}\n`);
      console.log(
        '| scene | measure | min | median | max | runs | target | median ÷ calibration |',
      );
      console.log('| --- | --- | ---: | ---: | ---: | --- | --- | ---: |');
      for (const { spec, values, notes } of rows) {
        const s = summary(values);
        const done = values.filter((v) => v !== null).length;
        const runs =
          done === values.length
            ? String(done)
            : `${done} of ${values.length}: ${[...notes].join('; ')}`;
        const cells = s
          ? [fmt(s.min, spec.unit), fmt(s.median, spec.unit), fmt(s.max, spec.unit)]
          : ['—', '—', '—'];
        const target = spec.target
          ? `${spec.target.op} ${spec.target.value}${s ? (meets(s.median, spec.target) ? ': meets' : ': MISSES') : ''}`
          : '';
        const ratio =
          s && spec.unit === 'ms' && calibrationMs > 0
            ? `${(s.median / calibrationMs).toFixed(2)}`
            : '';
        console.log(
          `| ${spec.scene} | ${spec.measure} (${spec.unit}) | ${cells.join(' | ')} | ${runs} | ${target} | ${ratio} |`,
        );
      }
    }
  }
}

/** Min, median and max of the values that are not null; null when there are none. */
function summary(values: readonly (number | null)[]) {
  const done = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (done.length === 0) return null;
  const m = done.length >> 1;
  const median = done.length % 2 ? done[m]! : (done[m - 1]! + done[m]!) / 2;
  return { min: done[0]!, median, max: done[done.length - 1]! };
}
