// Pictures of the reports, in plain SVG (no chart library, nothing from a
// CDN). Each chart is an image with its title and description for screen
// readers (role="img", aria-labelledby) and comes with the same figures as a
// table. The values are the API's percentages as decimal strings; they are
// read as numbers only to size the bars, never to compute a figure shown.
import { Table } from '@mantine/core';
import { ReactNode, useId } from 'react';
import { useI18n } from './i18n';
import { DataTable } from './ui';

/** A percentage string ("41.25") as a bar length, clamped to 0..max. */
const length = (pct: string | null, max: number): number => Math.max(0, Math.min(max, Number.parseFloat(pct ?? '0') || 0));

export interface BarSeries { key: string; label: string; colour: string }
export interface BarRow { label: string; values: Record<string, string | null> }

const LABEL_W = 280;
const BAR_W = 420;
const ROW_GAP = 10;
/** Room right of a full bar for its figure and band ("120.00 · Sangat rendah"). */
const RIGHT_W = 160;

function Frame({ title, desc, height, children }: { title: string; desc: string; height: number; children: ReactNode }) {
  const id = useId();
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${LABEL_W + BAR_W + RIGHT_W} ${height}`} width="100%" style={{ maxWidth: LABEL_W + BAR_W + RIGHT_W }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {children}
    </svg>
  );
}

const short = (s: string, n = 38): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Grouped horizontal bars, one group per row (e.g. per OPD: absorption and
 * cash plan), on a 0-100 % scale; a legend names the series.
 */
export function PercentBars({ title, desc, rows, series, testId }: { title: string; desc: string; rows: BarRow[]; series: BarSeries[]; testId?: string }) {
  const { t } = useI18n();
  const barH = 14;
  const groupH = series.length * barH + ROW_GAP;
  const top = 28;
  const height = top + rows.length * groupH + 24;
  const x = (pct: string | null) => (length(pct, 100) / 100) * BAR_W;
  return (
    <figure className="chart-figure" data-testid={testId}>
      <Frame title={title} desc={desc} height={height}>
        {series.map((s, i) => (
          <g key={s.key} transform={`translate(${LABEL_W + i * 170}, 4)`}>
            <rect width={12} height={12} fill={s.colour} />
            <text x={18} y={11} fontSize={12} fill="#212529">{s.label}</text>
          </g>
        ))}
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line x1={LABEL_W + x(String(p))} x2={LABEL_W + x(String(p))} y1={top - 4} y2={height - 20} stroke="#adb5bd" strokeDasharray={p ? '2 3' : undefined} />
            <text x={LABEL_W + x(String(p))} y={height - 6} fontSize={11} textAnchor="middle" fill="#212529">{p}%</text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = top + i * groupH;
          return (
            <g key={r.label + i}>
              <text x={LABEL_W - 8} y={y + (series.length * barH) / 2 + 4} fontSize={12} textAnchor="end" fill="#212529">{short(r.label)}</text>
              {series.map((s, j) => (
                <g key={s.key}>
                  <rect x={LABEL_W} y={y + j * barH} width={x(r.values[s.key])} height={barH - 2} fill={s.colour} />
                  <text x={LABEL_W + x(r.values[s.key]) + 4} y={y + j * barH + barH - 4} fontSize={11} fill="#212529">{r.values[s.key] ?? '—'}</text>
                </g>
              ))}
            </g>
          );
        })}
      </Frame>
      <details>
        <summary>{t('tableAlternative')}</summary>
        <DataTable caption={title} head={['', ...series.map((s) => s.label)]}>
          {rows.map((r, i) => (
            <Table.Tr key={r.label + i}><Table.Th scope="row">{r.label}</Table.Th>{series.map((s) => <Table.Td key={s.key} className="num">{r.values[s.key] ?? '—'}</Table.Td>)}</Table.Tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

/** The achievement bands of e-monev (decision 0601), darkest first; each colour keeps 4.5:1 against white. */
export const BAND_COLOURS: Record<string, string> = {
  SANGAT_TINGGI: '#1b5e20', TINGGI: '#2e7d32', SEDANG: '#8a5a00', RENDAH: '#b35900', SANGAT_RENDAH: '#a61e1e',
};
export const BAND_LABELS: Record<string, [string, string]> = {
  SANGAT_TINGGI: ['Sangat tinggi', 'Very high'], TINGGI: ['Tinggi', 'High'], SEDANG: ['Sedang', 'Medium'], RENDAH: ['Rendah', 'Low'], SANGAT_RENDAH: ['Sangat rendah', 'Very low'],
};

export interface BandRow { label: string; achievement: string | null; band: string | null }

/**
 * Achievement per indicator as bars coloured by band, with the band limits
 * (the year's settings) as vertical lines; achievements above 100 % are
 * drawn to the 120 % edge.
 */
export function BandBars({ title, desc, rows, limits, testId }: { title: string; desc: string; rows: BandRow[]; limits: { label: string; value: string }[]; testId?: string }) {
  const { t, lang } = useI18n();
  const barH = 18;
  const top = 28;
  const height = top + rows.length * (barH + 6) + 24;
  const max = 120;
  const x = (pct: string | null) => (length(pct, max) / max) * BAR_W;
  const bandName = (b: string | null) => (b ? BAND_LABELS[b]?.[lang === 'id' ? 0 : 1] ?? b : '—');
  return (
    <figure className="chart-figure" data-testid={testId}>
      <Frame title={title} desc={desc} height={height}>
        {Object.keys(BAND_COLOURS).map((b, i) => (
          <g key={b} transform={`translate(${i * 140}, 4)`}>
            <rect width={12} height={12} fill={BAND_COLOURS[b]} />
            <text x={18} y={11} fontSize={12} fill="#212529">{bandName(b)}</text>
          </g>
        ))}
        {limits.map((l) => (
          <g key={l.label}>
            <line x1={LABEL_W + x(l.value)} x2={LABEL_W + x(l.value)} y1={top - 4} y2={height - 20} stroke="#495057" strokeDasharray="3 3" />
            <text x={LABEL_W + x(l.value)} y={height - 6} fontSize={11} textAnchor="middle" fill="#212529">{l.value.replace(/\.00$/, '')}%</text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = top + i * (barH + 6);
          return (
            <g key={r.label + i}>
              <text x={LABEL_W - 8} y={y + barH - 5} fontSize={12} textAnchor="end" fill="#212529">{short(r.label)}</text>
              <rect x={LABEL_W} y={y} width={x(r.achievement)} height={barH} fill={r.band ? BAND_COLOURS[r.band] ?? '#495057' : '#495057'} />
              <text x={LABEL_W + x(r.achievement) + 4} y={y + barH - 5} fontSize={11} fill="#212529">{r.achievement ?? '—'} · {bandName(r.band)}</text>
            </g>
          );
        })}
      </Frame>
      <details>
        <summary>{t('tableAlternative')}</summary>
        <DataTable caption={title} head={[t('indicator'), t('achievement'), t('band')]}>
          {rows.map((r, i) => <Table.Tr key={r.label + i}><Table.Th scope="row">{r.label}</Table.Th><Table.Td className="num">{r.achievement ?? '—'}</Table.Td><Table.Td>{bandName(r.band)}</Table.Td></Table.Tr>)}
        </DataTable>
      </details>
    </figure>
  );
}
