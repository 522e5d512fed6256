import { StreamableFile } from '@nestjs/common';
import { Column } from '../export/tabular-export';
import { streamDownload } from '../export/streamed-export';
import { AuditEventResponse } from './audit.dto';

/** A spreadsheet cell holds at most 32767 characters; a longer record is cut with a pointer to the full one. */
const CELL_MAX = 32_000;

function change(value: unknown, r: AuditEventResponse): string | null {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  if (text.length <= CELL_MAX) return text;
  return `${text.slice(0, CELL_MAX)}… (cut at ${CELL_MAX} of ${text.length} characters: GET /api/v1/audit/events?requestId=${r.requestId ?? ''}&entityId=${r.entityId ?? ''} has the whole record)`;
}

// The audit trail as a spreadsheet: the actor by username, the chain position,
// the change as JSON; the actor's id is left out (the username names them).
const COLUMNS: Column<AuditEventResponse>[] = [
  { header: 'No rantai', value: (r) => r.chainNo },
  { header: 'Waktu', value: (r) => r.occurredAt },
  { header: 'Pengguna', value: (r) => r.actorUsername },
  { header: 'Request ID', value: (r) => r.requestId },
  { header: 'Aksi', value: (r) => r.action },
  { header: 'Entitas', value: (r) => r.entityType },
  { header: 'Nomor / nama', value: (r) => r.entityLabel },
  { header: 'ID entitas', value: (r) => r.entityId },
  { header: 'Sebelum', value: (r) => change(r.before, r) },
  { header: 'Sesudah', value: (r) => change(r.after, r) },
  { header: 'Hash', value: (r) => r.hash },
];

/** `audit-events-<from>-<to>.csv`, or `audit-events.csv` without a date range. */
export function auditEventsExport(format: 'csv' | 'xlsx', range: { from?: string; to?: string }, pages: AsyncIterable<AuditEventResponse[]>): StreamableFile {
  const day = (d?: string) => (d ? d.slice(0, 10) : '');
  const suffix = range.from || range.to ? `-${day(range.from) || 'start'}-${day(range.to) || 'now'}` : '';
  return streamDownload(format, `audit-events${suffix}`, 'Audit', COLUMNS, pages);
}
