// plotly.js-dist ships no types; these cover the calls the chart makes.
declare module 'plotly.js-dist' {
  export type PlotData = Record<string, unknown>;
  export type PlotLayout = Record<string, unknown>;
  export type PlotConfig = Record<string, unknown>;
  export interface ImageOptions {
    format: 'png' | 'svg' | 'jpeg' | 'webp';
    width: number;
    height: number;
    scale?: number;
  }
  export interface PlotlyStatic {
    react(root: HTMLElement, data: PlotData[], layout: PlotLayout, config?: PlotConfig): Promise<HTMLElement>;
    newPlot(
      root: HTMLElement,
      data: PlotData[],
      layout: PlotLayout,
      config?: PlotConfig,
    ): Promise<HTMLElement>;
    toImage(
      root: HTMLElement | { data: PlotData[]; layout: PlotLayout },
      options: ImageOptions,
    ): Promise<string>;
    purge(root: HTMLElement): void;
    Plots: { resize(root: HTMLElement): void };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
