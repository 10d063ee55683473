import { escapeHtml } from '../escape.js';

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

/**
 * A "nice" upper bound for an axis showing shares in [0, 1]: the smallest of a few round
 * values that is at least `max`, so gridlines land on readable percentages.
 */
export function niceShareMax(max: number): number {
  for (const candidate of [0.05, 0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.8, 1]) if (max <= candidate) return candidate;
  return 1;
}

/** SVG coordinates: two decimals at most, no trailing zeros, so paths stay short and stable. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}
