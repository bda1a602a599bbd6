// The markdown of the coverage claims: the tables of docs/bpmn-coverage.md and the compact one of README.md, which
// coverage.test.ts expects to find there verbatim between their markers.
import { ELEMENT_CLAIMS, EVENT_COLUMNS, EVENT_ROWS, type Claim, type EventColumn, type Status } from './coverageClaims';

/** The markers around a generated block: `<!-- coverage:NAME -->` ... `<!-- /coverage:NAME -->`. */
export function markers(name: string): [string, string] {
  return [`<!-- coverage:${name} -->`, `<!-- /coverage:${name} -->`];
}

/** The text between the markers of block `name` in `document`, trimmed; undefined when the markers are missing. */
export function blockOf(document: string, name: string): string | undefined {
  const [open, close] = markers(name);
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  return start < 0 || end < start ? undefined : document.slice(start + open.length, end).trim();
}

/** The table of the page's rows outside the events table. */
export function elementsTable(): string {
  const lines = ['| group | element | Camunda 8 runs it | Sparrow | note |', '| --- | --- | --- | --- | --- |'];
  for (const claim of ELEMENT_CLAIMS) {
    lines.push(`| ${claim.group} | ${claim.element} | ${claim.camunda8 ? 'yes' : 'no'} | ${statusText(claim.sparrow)} | ${claim.note ?? ''} |`);
  }
  return lines.join('\n');
}

/** The events table: one row per event type, one column per position; `—` where the page shows no element. */
export function eventsTable(): string {
  const columns = Object.keys(EVENT_COLUMNS) as EventColumn[];
  const lines = [`| event | ${columns.map((column) => EVENT_COLUMNS[column]).join(' | ')} |`, `| --- |${' --- |'.repeat(columns.length)}`];
  for (const row of EVENT_ROWS) {
    lines.push(`| ${row.type} | ${columns.map((column) => eventCell(row.cells[column])).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The notes of the event types, one bullet each. */
export function eventNotes(): string {
  return EVENT_ROWS.filter((row) => row.note)
    .map((row) => `- **${row.type}**: ${row.note}.`)
    .join('\n');
}

/** The compact table of README.md: per group or event type, what runs, what is refused, what is ignored. */
export function readmeTable(): string {
  const lines = ['| area | supported | refused by the compiler | ignored with a warning |', '| --- | --- | --- | --- |'];
  const groups = [...new Set(ELEMENT_CLAIMS.map((claim) => claim.group))];
  for (const group of groups) {
    lines.push(compactRow(group, ELEMENT_CLAIMS.filter((claim) => claim.group === group).map((claim) => [claim.element, claim])));
  }
  for (const row of EVENT_ROWS) {
    const cells = (Object.keys(EVENT_COLUMNS) as EventColumn[]).flatMap((column) => {
      const claim = row.cells[column];
      return claim ? [[EVENT_COLUMNS[column], claim] as [string, Claim]] : [];
    });
    lines.push(compactRow(`${row.type} events`, cells));
  }
  return lines.join('\n');
}

function compactRow(area: string, entries: Array<[string, Claim]>): string {
  const names = (status: Status['status']) =>
    entries
      .filter(([, claim]) => claim.sparrow.status === status)
      .map(([name, claim]) => (claim.camunda8 ? name : `${name}†`))
      .join(', ');
  return `| ${area} | ${names('supported')} | ${names('refused')} | ${names('ignored')} |`;
}

function statusText(status: Status): string {
  if (status.status === 'supported') return '✅ supported';
  if (status.status === 'refused') return `⛔ refused: \`${status.code}\``;
  return `⚠️ ignored, warning \`${status.code}\``;
}

function eventCell(claim: Claim | undefined): string {
  if (!claim) return '—';
  if (claim.sparrow.status === 'supported') return '✅';
  const mark = claim.sparrow.status === 'refused' ? '⛔' : '⚠️';
  return `${mark} \`${claim.sparrow.code}\`${claim.camunda8 ? ' (C8 runs it)' : ''}`;
}
