import type { PlotlyStatic } from 'plotly.js-dist';

let loading: Promise<PlotlyStatic> | null = null;

/**
 * Plotly, loaded once. Plotly is big (about 4.6 MB): the window shows the app shell without it, and the
 * Analyse view starts this as soon as it is set up, before the data for a chart is ready.
 */
export function loadPlotly(): Promise<PlotlyStatic> {
  loading ??= import('plotly.js-dist').then((m) => m.default);
  return loading;
}
