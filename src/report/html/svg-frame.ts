import { escapeHtml } from '../escape.js';
import { formatPercent } from '../format-numbers.js';

/**
 * Opens an accessible inline SVG: `role="img"` named by its `<title>` and described by its
 * `<desc>` (screen readers get the numbers the picture shows). `id` must be unique in the page.
 * The SVG scales to its container through `viewBox`; text sizes are in viewBox units.
 */
export function openSvg(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>`
  );
}


/** Gridlines of a share axis: where they go and the label each carries. */
export interface ShareTicks {
  /** The axis' upper bound: the last tick, at least the largest value shown. */
  max: number;
  ticks: { share: number; label: string }[];
}

/**
 * Round gridlines for a share axis from 0 to at least `max`: a step of 1, 2, 2.5 or 5 × 10^k
 * percent, giving 3 to 6 ticks, every label with as many decimals as the step needs (`0%, 2.5%,
 * 5.0%, 7.5%, 10.0%`, never `3%` on a 2.5% gridline). Ticks are computed in whole tenths of a
 * percent, so they land exactly on the gridline they label.
 */
export function shareTicks(max: number): ShareTicks {
  const top = Math.min(1, Math.max(max, 0.001));
  let step = 1;
  for (const candidate of [0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25]) {
    if (Math.ceil(top / candidate - 1e-9) <= 5) {
      step = candidate;
      break;
    }
  }
  const count = Math.max(2, Math.ceil(top / step - 1e-9));
  const percentStep = step * 100;
  const digits = [0, 1, 2].find((d) => Math.abs(Number(percentStep.toFixed(d)) - percentStep) < 1e-9) ?? 2;
  const ticks = Array.from({ length: count + 1 }, (_, i) => {
    const share = Math.round(i * step * 100000) / 100000;
    return { share, label: formatPercent(share, digits) };
  });
  return { max: ticks.at(-1)!.share, ticks };
}

/** SVG coordinates: two decimals at most, no trailing zeros, so paths stay short and stable. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}
