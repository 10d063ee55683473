import type { CalibrationReport } from '../../calibrate/calibrate.js';
import { renderCalibrationHtml } from './render-calibration-html.js';
import { renderCalibrationMarkdown } from './render-calibration-markdown.js';
import { renderCalibrationTerminal, type CalibrationRenderOptions } from './render-calibration-terminal.js';

export { renderCalibrationHtml, renderCalibrationMarkdown, renderCalibrationTerminal, type CalibrationRenderOptions };

/** The calibration report as JSON: the report's own fields in a fixed order, under a kind and version. */
export function renderCalibrationJson(report: CalibrationReport): string {
  return `${JSON.stringify({ kind: 'tone-audit-calibration-report', version: 1, ...report }, null, 2)}\n`;
}

/** Pure renderers by `--format`; the keys are the choices the CLI offers. */
export const CALIBRATION_REPORTERS = {
  terminal: renderCalibrationTerminal,
  json: (report: CalibrationReport) => renderCalibrationJson(report),
  markdown: (report: CalibrationReport) => renderCalibrationMarkdown(report),
  html: (report: CalibrationReport) => renderCalibrationHtml(report),
} satisfies Record<string, (report: CalibrationReport, options: CalibrationRenderOptions) => string>;

export type CalibrationFormat = keyof typeof CALIBRATION_REPORTERS;
