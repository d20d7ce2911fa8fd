// Eighths of a block, for bars finer than a character.
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** One row of a chart. */
export interface Row {
  readonly label: string;
  readonly count: number;
}

/**
 * A horizontal bar chart for the terminal: label, bar scaled to the largest count and to `width` columns, count.
 *
 * ```
 *   Yonhap   ████████████████████████▌ 512
 *   Reuters  ██████████▏ 210
 * ```
 */
export function barChart(rows: readonly Row[], width: number): string[] {
  if (rows.length === 0) return ['  (none)'];
  const labelWidth = Math.max(...rows.map((r) => [...r.label].length));
  const countWidth = Math.max(...rows.map((r) => r.count.toLocaleString('en').length));
  const max = Math.max(...rows.map((r) => r.count), 1);
  const room = Math.max(10, width - labelWidth - countWidth - 5);
  return rows.map((row) => {
    const eighths = Math.round((row.count / max) * room * 8);
    const bar = '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
    const label = row.label + ' '.repeat(labelWidth - [...row.label].length);
    // A count above zero always shows a sliver, so that a small number is not mistaken for none.
    return `  ${label} ${bar === '' && row.count > 0 ? '▏' : bar} ${row.count.toLocaleString('en')}`;
  });
}

/** The largest counts first, at most `top` rows, the rest summed as `other (n)`. */
export function topRows(counts: Readonly<Record<string, number>>, top: number): Row[] {
  const rows = Object.entries(counts)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  if (rows.length <= top) return rows;
  const rest = rows.slice(top);
  return [...rows.slice(0, top), { label: `other (${rest.length})`, count: rest.reduce((s, r) => s + r.count, 0) }];
}

/** Rows in key order (days, hours), every key of `keys` shown even at zero. */
export function orderedRows(counts: Readonly<Record<string, number>>, keys: readonly string[]): Row[] {
  return keys.map((label) => ({ label, count: counts[label] ?? 0 }));
}
