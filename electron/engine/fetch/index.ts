export {
  fetchReports,
  type FetchReportsInput,
  type FetchReportsResult,
  type FunctionFetchSummary,
} from './fetch-reports';
export { DEFAULT_FETCH_TUNING, type FetchTuning } from './fetch-tuning';
