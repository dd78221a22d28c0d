// @vitest-environment happy-dom
/**
 * The review charts as drawn: whole-number count ticks, every mark inside the top gridline,
 * deliberate empty and one-point states, and the table behind each chart for screen readers.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Histogram, type HistogramBin } from '@/components/charts/Histogram';
import { TrendChart, type TrendPoint } from '@/components/charts/TrendChart';
import { BarChart } from '@/components/charts/BarChart';

const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
const numbers = (doc: Document, selector: string, attr: string) => [...doc.querySelectorAll(selector)].map((el) => Number(el.getAttribute(attr)));

function histogram(counts: number[]) {
  const bins: HistogramBin[] = counts.map((count, i) => ({ id: `b${i}`, label: `bin ${i}`, count }));
  return parse(
    renderToStaticMarkup(
      <Histogram bins={bins} title="Waits" describe={(b) => `${b.label}: ${b.count}`} onSelect={() => undefined} empty="Nothing yet" columns={['Wait', 'Replies']} formatCount={String} />,
    ),
  );
}

function trend(values: (number | null)[], target?: number) {
  const points: TrendPoint[] = values.map((value, i) => ({ id: `2026-W${10 + i}`, label: `w${i}`, value, display: `${value ?? '—'} min` }));
  return parse(
    renderToStaticMarkup(
      <TrendChart points={points} title="Trend" onSelect={() => undefined} empty="No weeks" onePoint="One week" columns={['Week', 'Median']} formatTick={String} target={target} />,
    ),
  );
}

describe('Histogram', () => {
  it.each([[[1, 0, 1]], [[2, 1]], [[3]], [[7, 1]], [[0, 0, 250]]])('counts %j: integer ticks, bars under the top gridline', (counts) => {
    const doc = histogram(counts);
    const ticks = [...doc.querySelectorAll('svg text.tick[text-anchor="end"]')].map((t) => t.textContent ?? '');
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(t).toMatch(/^\d+$/);
    const topGrid = Math.min(...numbers(doc, 'line.grid', 'y1'));
    for (const y of numbers(doc, 'rect.bar', 'y')) expect(y).toBeGreaterThanOrEqual(topGrid);
  });

  it('says so when nothing was counted, instead of an empty frame', () => {
    const doc = histogram([0, 0, 0]);
    expect(doc.querySelector('svg')).toBeNull();
    expect(doc.querySelector('[data-chart-empty]')?.textContent).toBe('Nothing yet');
  });

  it('has the table behind it for screen readers', () => {
    const doc = histogram([4, 0, 2]);
    const rows = [...doc.querySelectorAll('.sr-only table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([['bin 0', '4'], ['bin 1', '0'], ['bin 2', '2']]);
    expect(doc.querySelector('.sr-only table caption')?.textContent).toBe('Waits');
  });
});

describe('TrendChart', () => {
  it.each([
    ['a quarter of Russian weeks', 13, (i: number) => `${i + 1} нояб.`],
    ['five weeks', 5, (i: number) => `Nov ${i + 1}`],
    ['two weeks', 2, (i: number) => `${i + 1} нояб.`],
  ])('%s: week labels never overlap, every week keeps its point and table row', (_name, weeks, label) => {
    const points: TrendPoint[] = Array.from({ length: weeks }, (_, i) => ({ id: `2026-W${10 + i}`, label: label(i), value: i + 1, display: `${i + 1} min` }));
    const doc = parse(renderToStaticMarkup(<TrendChart points={points} title="Trend" onSelect={() => undefined} empty="" onePoint="" columns={['Week', 'Median']} formatTick={String} />));
    const labels = [...doc.querySelectorAll('svg text.tick[text-anchor="middle"]')];
    const xs = labels.map((t) => Number(t.getAttribute('x')));
    const widest = Math.max(...labels.map((t) => (t.textContent ?? '').length)) * 6;
    for (let i = 1; i < xs.length; i++) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThan(widest);
    expect(labels.length).toBeGreaterThanOrEqual(Math.min(weeks, 4));
    expect(labels[0]?.textContent).toBe(label(0));
    expect(doc.querySelectorAll('circle.point')).toHaveLength(weeks);
    expect(doc.querySelectorAll('.sr-only table tbody tr')).toHaveLength(weeks);
  });

  it.each([[[7]], [[7, 3]], [[0.5, 13, null, 99]], [[1441]]])('values %j sit at or below the top gridline', (values) => {
    const doc = trend(values);
    const topGrid = Math.min(...numbers(doc, 'line.grid', 'y1'));
    const ys = numbers(doc, 'circle.point', 'cy');
    expect(ys).toHaveLength(values.filter((v) => v !== null).length);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(topGrid);
  });

  it('keeps the goal line inside the axis', () => {
    const doc = trend([5, 6], 60);
    const topGrid = Math.min(...numbers(doc, 'line.grid', 'y1'));
    expect(Number(doc.querySelector('line.target')?.getAttribute('y1'))).toBeGreaterThanOrEqual(topGrid);
  });

  it('draws one week as a labelled point and says why there is no line', () => {
    const doc = trend([42]);
    expect(doc.querySelectorAll('path.line')).toHaveLength(1); // a one-point path draws nothing
    expect(doc.querySelector('text.value-label')?.textContent).toBe('42 min');
    expect(doc.querySelector('[data-chart-one-point]')?.textContent).toBe('One week');
  });

  it('says so when no week has data', () => {
    const doc = trend([null, null]);
    expect(doc.querySelector('svg')).toBeNull();
    expect(doc.querySelector('[data-chart-empty]')?.textContent).toBe('No weeks');
  });

  it('has the table behind it', () => {
    const doc = trend([5, null]);
    expect([...doc.querySelectorAll('.sr-only table tbody tr')].map((tr) => tr.textContent)).toEqual(['w05 min', 'w1— min']);
  });
});

describe('BarChart', () => {
  it('has the table behind it', () => {
    const html = renderToStaticMarkup(<BarChart bars={[{ id: 'ann', label: 'Ann', value: 3, display: '3' }]} title="Agents" onSelect={() => undefined} columns={['Agent', 'Replies']} />);
    expect([...parse(html).querySelectorAll('.sr-only table th[scope="col"]')].map((th) => th.textContent)).toEqual(['Agent', 'Replies']);
  });
});
