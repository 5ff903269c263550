import { reactive } from 'vue';
import { DEFAULT_ASSUMPTIONS } from '../../../shared/pricing';
import type { ExplainedError } from './aws-errors';
import type { TrackedRun } from './run-tracker';
import type { RangeChoice } from '../fetch/fetch-range';

/**
 * What the Measure and Fetch views hold, kept outside the components: the app unmounts a view when the
 * user switches to another, and a running measurement, its progress and the plan must survive that.
 */
export const measureSession = reactive({
  selected: [] as string[],
  run: null as TrackedRun | null,
  datasetId: null as string | null,
  starting: false,
  startError: null as ExplainedError | null,
  plan: {
    memorySizes: [] as number[],
    times: 10 as number | string,
    parallel: 1 as number | string,
    warm: 0 as number | string,
    payload: '{}',
    name: '',
  },
  assumptions: { ...DEFAULT_ASSUMPTIONS },
});

export const fetchSession = reactive({
  selected: [] as string[],
  run: null as TrackedRun | null,
  datasetId: null as string | null,
  starting: false,
  startError: null as ExplainedError | null,
  attempted: false,
  form: {
    range: 'hour' as RangeChoice,
    customStart: '',
    customEnd: '',
    coldOnly: true,
    method: 'insights' as 'insights' | 'filter',
    name: '',
  },
});

/** Back to a fresh start (tests, and a new window). */
export function resetSessions(): void {
  Object.assign(measureSession, {
    selected: [],
    run: null,
    datasetId: null,
    starting: false,
    startError: null,
    plan: { memorySizes: [], times: 10, parallel: 1, warm: 0, payload: '{}', name: '' },
    assumptions: { ...DEFAULT_ASSUMPTIONS },
  });
  Object.assign(fetchSession, {
    selected: [],
    run: null,
    datasetId: null,
    starting: false,
    startError: null,
    attempted: false,
    form: { range: 'hour', customStart: '', customEnd: '', coldOnly: true, method: 'insights', name: '' },
  });
}
