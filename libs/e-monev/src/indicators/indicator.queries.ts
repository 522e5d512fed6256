import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { IndicatorResponse, RealizationResponse } from './indicator.dto';

const ts = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const REALIZATION_JSON = `jsonb_build_object('id', r.id, 'indicatorId', r.indicator_id, 'quarter', r.quarter, 'value', r.value::text, 'evidence', r.evidence,
  'obstacles', r.obstacles, 'status', r.status, 'rejectReason', r.reject_reason, 'enteredBy', (SELECT username FROM users WHERE id = r.entered_by),
  'verifiedBy', (SELECT username FROM users WHERE id = r.verified_by), 'version', r.version,
  'history', COALESCE((SELECT jsonb_agg(jsonb_build_object('action', e.action, 'status', e.status, 'value', e.value::text, 'reason', e.reason,
     'actor', (SELECT username FROM users WHERE id = e.actor_id), 'at', ${ts('e.at')}) ORDER BY e.id) FROM monev_realization_events e WHERE e.realization_id = r.id), '[]'::jsonb))`;

export const INDICATOR_SELECT = `
  SELECT i.id, i.fiscal_year AS "fiscalYear", i.organization_id AS "organizationId", o.name AS "organizationName", i.level, i.code, n.name AS "codeName",
    i.name, i.unit, i.unit_kind AS "unitKind", i.direction, i.aggregation, i.baseline::text AS baseline, i.target::text AS target,
    i.quarterly_targets::text[] AS "quarterlyTargets", i.renstra_target::text AS "renstraTarget", i.renstra_amount::text AS "renstraAmount",
    i.previous_realization::text AS "previousRealization", i.previous_amount::text AS "previousAmount", i.responsible_unit AS "responsibleUnit", i.notes, i.version,
    COALESCE((SELECT jsonb_agg(${REALIZATION_JSON} ORDER BY r.quarter) FROM monev_realizations r WHERE r.indicator_id = i.id), '[]'::jsonb) AS realizations
  FROM monev_indicators i JOIN organizations o ON o.id = i.organization_id JOIN nomenclature n ON n.code = i.code`;

export async function fetchIndicator(m: EntityManager, id: string): Promise<IndicatorResponse> {
  const [row] = await m.query(`${INDICATOR_SELECT} WHERE i.id = $1`, [id]);
  if (!row) throw DomainError.notFound('indicator', id);
  return row;
}

export async function fetchRealization(m: EntityManager, id: string): Promise<RealizationResponse> {
  const [row] = await m.query(`SELECT ${REALIZATION_JSON} AS r FROM monev_realizations r WHERE r.id = $1`, [id]);
  if (!row) throw DomainError.notFound('realization', id);
  return row.r;
}
