import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  columnForHeader,
  HEADER_LINE,
  MEMORY_RANGE_MB,
  normalizeHeader,
} from '../../../shared/csv/schema';

describe('the CSV format', () => {
  it('exports the full header, the five original columns first (old files import as they are)', () => {
    expect(HEADER_LINE).toBe(
      'Name;Memory;Init;Cold;Billed;Arch;Runtime;MaxMemory;Restore;Status;RequestId;Timestamp;Run;ErrorType',
    );
    expect(COLUMNS.map((c) => c.key)).toEqual([
      'name',
      'memory',
      'init',
      'cold',
      'billed',
      'arch',
      'runtime',
      'maxMemory',
      'restore',
      'status',
      'requestId',
      'timestamp',
      'run',
      'errorType',
    ]);
  });

  it('requires Name, Init, Cold and Billed only (Memory may come from the file name)', () => {
    expect(COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual([
      'Name',
      'Init',
      'Cold',
      'Billed',
    ]);
  });

  it('compares header names case-, space- and punctuation-blind', () => {
    expect(normalizeHeader('Init Duration (ms)')).toBe('initdurationms');
    expect(normalizeHeader('Max_Memory-Used 2')).toBe('maxmemoryused2');
    expect(normalizeHeader('ÄÖ')).toBe('');
  });

  it.each([
    ['name', ['Name', 'NAME', 'Function', 'Function Name', 'function_name']],
    ['memory', ['Memory', 'Memory (MB)', 'MemoryMB', 'Memory Size', 'Memory Size (MB)']],
    ['init', ['Init', 'Init (ms)', 'InitMs', 'Init Duration', 'Init Duration (ms)']],
    ['cold', ['Cold', 'Cold (ms)', 'Duration', 'Duration (ms)']],
    ['billed', ['Billed', 'Billed (ms)', 'Billed Duration', 'Billed Duration (ms)']],
    ['arch', ['Arch', 'Architecture']],
    ['runtime', ['Runtime', 'runtime']],
    ['maxMemory', ['MaxMemory', 'Max Memory (MB)', 'Max Memory Used', 'Max Memory Used (MB)']],
    ['restore', ['Restore', 'Restore (ms)', 'Restore Duration', 'Restore Duration (ms)']],
    ['status', ['Status']],
    ['requestId', ['RequestId', 'Request Id', 'Request']],
    ['timestamp', ['Timestamp', 'Time']],
    ['run', ['Run', 'Run Id', 'RunId']],
    ['errorType', ['ErrorType', 'Error Type', 'Error']],
  ])('takes the %s column by its common spellings', (key, spellings) => {
    for (const spelling of spellings) expect(columnForHeader(spelling)?.key, spelling).toBe(key);
  });

  it('knows no other columns', () => {
    for (const header of ['', 'Notes', 'Region', 'Memory Used', 'Init Time', 'Requests', 'Function Names'])
      expect(columnForHeader(header), header).toBeUndefined();
  });

  it("takes Lambda's memory range for memory sizes in file names", () => {
    expect(MEMORY_RANGE_MB).toEqual({ min: 128, max: 10240 });
  });
});
