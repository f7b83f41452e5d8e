import Table from 'cli-table3';

/** A table of text cells, rendered for the terminal ({@link tableText}) or the report ({@link tableHtml}). */
export interface TableModel {
  /** A line above the table. */
  readonly title?: string;
  /** A heading above the table in HTML only (the terminal shows the table without it). */
  readonly caption?: string;
  readonly head: readonly string[];
  /** Alignment per column. @default left for the first column, right for the others */
  readonly align?: ReadonlyArray<'left' | 'right'>;
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Lines below the table. */
  readonly notes?: readonly string[];
}

/** Borders: a rule under the head and two spaces between columns, nothing else. */
const LIGHT = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '─',
  'mid-mid': '──',
  right: '',
  'right-mid': '',
  middle: '  ',
};

const alignOf = (table: TableModel, i: number): 'left' | 'right' => table.align?.[i] ?? (i === 0 ? 'left' : 'right');

/** The table as lines of text for the terminal (no colours), title and notes included. */
export function tableText(table: TableModel): string {
  const t = new Table({
    head: [...table.head],
    chars: LIGHT,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: table.head.map((_, i) => alignOf(table, i)),
  });
  for (const row of table.rows) t.push([...row]);
  const lines = [...(table.title === undefined ? [] : [table.title]), t.toString().replace(/ +$/gm, '')];
  return [...lines, ...(table.notes ?? [])].join('\n');
}

/** `<`, `>`, `&` and quotes escaped for HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The table as an HTML `<table>` (with its title as a heading and notes as a paragraph). */
export function tableHtml(table: TableModel): string {
  const cell = (tag: 'th' | 'td', text: string, i: number): string =>
    `<${tag}${alignOf(table, i) === 'right' ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${table.head.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const body = table.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n');
  const heading = table.title ?? table.caption;
  const title = heading === undefined ? '' : `<h3>${escapeHtml(heading)}</h3>\n`;
  const notes = table.notes === undefined || table.notes.length === 0 ? '' : `\n<p class="notes">${table.notes.map(escapeHtml).join('<br>')}</p>`;
  return `${title}<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>${notes}`;
}
