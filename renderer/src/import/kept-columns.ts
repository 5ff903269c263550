import type { SampleColumns } from '../../../shared/sample-columns';

/**
 * A file of a batch whose columns the import worker kept (see joinKept): what the window needs of them
 * before they are joined, its rows and first and last UTC day.
 */
export interface KeptColumns {
  kept: number;
  length: number;
  days: [string, string] | null;
}

export const isKept = (c: SampleColumns | KeptColumns): c is KeptColumns => 'kept' in c;
