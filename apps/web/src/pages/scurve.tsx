import { Table } from '@mantine/core';
import { MONTH_NAMES } from '../dates';
import { useI18n } from '../i18n';
import { DataTable, DateText } from '../ui';
import { monthEnd, plannedAt } from './curve';

// The S-curve of a contract: planned cumulative physical progress (the
// package's monthly plan, else the straight line from the contract's start to
// its end) against the verified and reported progress, as a plain SVG chart
// with the same figures in a table beside it (the text alternative).
// Percentages are not money: plotting them as numbers is fine.

export interface CurvePoint { date: string; percent: string; status?: string }

const W = 600, H = 220, L = 44, R = 580, T = 20, B = 190;

export function SCurve({ title, plan, start, end, year, actual }: { title: string; plan: string[] | null; start: string; end: string; year: number; actual: CurvePoint[] }) {
  const { t, lang } = useI18n();
  const from = plan ? Date.parse(`${year}-01-01`) : Date.parse(start);
  const to = plan ? Date.parse(`${year}-12-31`) : Date.parse(end);
  if (!(to > from)) return null;
  const x = (d: string) => L + ((Math.min(Math.max(Date.parse(d), from), to) - from) / (to - from)) * (R - L);
  const y = (p: number) => B - (p / 100) * (B - T);
  const points = actual.filter((p) => p.status !== 'REJECTED').sort((a, b) => a.date.localeCompare(b.date));
  const planned = plan
    ? [`${L},${y(0)}`, ...plan.map((v, i) => `${x(monthEnd(year, i + 1))},${y(Number(v))}`)]
    : [`${x(start)},${y(0)}`, `${x(end)},${y(100)}`];
  const rows = plan
    ? plan.map((v, i) => { const d = monthEnd(year, i + 1); const last = points.filter((p) => p.date <= d).pop(); return { label: MONTH_NAMES[lang][i], planned: v, actual: last?.percent ?? null }; })
    : points.map((p) => ({ label: p.date, planned: plannedAt(p.date, null, start, end, year).toFixed(2), actual: p.percent }));
  const summary = `${t('planned')} ${plan ? plan[11] : '100'}%; ${t('actual')}: ${points.map((p) => `${p.date} ${p.percent}%`).join(', ') || '—'}`;
  return (
    <figure className="scurve-figure">
      <svg viewBox={`0 0 ${W} ${H}`} className="scurve" role="img" aria-label={`${title}: ${summary}`} width={W} data-testid="scurve" data-plan={plan ? 'package' : 'straight'}>
        <line x1={L} y1={B} x2={R} y2={B} stroke="#495057" />
        <line x1={L} y1={T} x2={L} y2={B} stroke="#495057" />
        {[0, 50, 100].map((p) => <text key={p} x={4} y={y(p) + 4} fontSize={11} fill="#212529">{p}%</text>)}
        {plan && plan.map((_, i) => i % 3 === 2 ? <text key={i} x={x(monthEnd(year, i + 1)) - 12} y={B + 16} fontSize={11} fill="#212529">{MONTH_NAMES[lang][i].slice(0, 3)}</text> : null)}
        <polyline fill="none" stroke="#5c5f66" strokeWidth={2} strokeDasharray="6 4" points={planned.join(' ')} data-testid="scurve-plan" />
        <polyline fill="none" stroke="#2b3a8c" strokeWidth={3} points={[`${x(start)},${y(0)}`, ...points.map((p) => `${x(p.date)},${y(Number(p.percent))}`)].join(' ')} />
        {points.map((p, i) => <circle key={i} cx={x(p.date)} cy={y(Number(p.percent))} r={4} fill="#2b3a8c" />)}
        <text x={L + 8} y={T + 4} fontSize={11} fill="#212529">- - {t('planned')}   — {t('actual')}</text>
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
      {!plan && <p className="scurve-note">{t('noPlan')}</p>}
      <details>
        <summary>{t('curveTable')}</summary>
        <DataTable caption={`${t('curveTable')}: ${title}`} head={[plan ? t('month') : t('date'), `${t('planned')} (%)`, `${t('actual')} (%)`]}>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>{plan ? r.label : <DateText value={r.label} />}</Table.Td><Table.Td className="num">{r.planned}</Table.Td><Table.Td className="num">{r.actual ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
