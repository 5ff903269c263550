import { describe, expect, it } from 'vitest';
import { compileFilterPattern, FilterPatternError } from './filter-pattern';
import { compileQuery, QueryCompileError, runQuery, type QueryRow } from './insights-query';

describe('filter patterns (FilterLogEvents)', () => {
  const text = 'REPORT RequestId: abc\tDuration: 1.00 ms\tInit Duration: 99.00 ms';
  const json = JSON.stringify({
    type: 'platform.report',
    record: { requestId: 'abc', metrics: { initDurationMs: 99 }, ok: true },
  });

  it.each([
    ['', text, true],
    ['REPORT', text, true],
    ['"REPORT RequestId"', text, true],
    ['"RequestId REPORT"', text, false],
    ['REPORT Init', text, true],
    ['REPORT -Init', text, false],
    ['?START ?END', text, false],
    ['?START ?"Init Duration"', text, true],
    ['%Init Duration: 9\\d\\.%', text, true],
    ['{ $.type = "platform.report" }', json, true],
    ['{ $.type = "platform.*" && $.record.metrics.initDurationMs >= 99 }', json, true],
    ['{ $.type = "platform.start" || ($.record.requestId = "abc" && $.record.ok = true) }', json, true],
    ['{ $.record.metrics.restoreDurationMs NOT EXISTS }', json, true],
    ['{ $.record.metrics.initDurationMs < 99 }', json, false],
    ['{ $.type = "platform.report" }', text, false],
  ])('%s on %s … is %s', (pattern, message, expected) => {
    expect(compileFilterPattern(pattern)(message)).toBe(expected);
  });

  it.each(['{ $.type = ', '{ type = "x" }', '[ip, user]', '%unclosed(%'])('refuses %s', (pattern) => {
    expect(() => compileFilterPattern(pattern)).toThrow(FilterPatternError);
  });
});

describe('Logs Insights query subset', () => {
  const rows: QueryRow[] = [
    {
      '@timestamp': '2026-11-28 10:00:02.000',
      '@message': 'REPORT RequestId: b',
      '@type': 'REPORT',
      '@duration': 5,
    },
    { '@timestamp': '2026-11-28 10:00:01.000', '@message': 'START RequestId: b', '@type': 'START' },
    { '@timestamp': '2026-11-28 10:00:03.000', '@message': 'report in lower case', '@duration': 50 },
    {
      '@timestamp': '2026-11-28 10:00:00.000',
      '@message': 'REPORT RequestId: a',
      '@type': 'REPORT',
      '@duration': 7,
    },
  ];
  const run = (query: string) => runQuery(compileQuery(query), rows).rows.map((r) => r['@message']);

  it('filters, sorts and limits in the order written', () => {
    expect(run('filter @type = "REPORT" | sort @timestamp asc')).toEqual([
      'REPORT RequestId: a',
      'REPORT RequestId: b',
    ]);
    expect(run('filter @message like /(?i)report/ | sort @timestamp desc | limit 2')).toEqual([
      'report in lower case',
      'REPORT RequestId: b',
    ]);
    expect(run('sort @timestamp asc | limit 2 | filter @type = "REPORT"')).toEqual(['REPORT RequestId: a']);
    expect(run('filter @duration > 6 and not @message like "lower"')).toEqual(['REPORT RequestId: a']);
    expect(run('filter @type in ["START", "END"] or @message =~ /: a$/ | sort @timestamp asc')).toEqual([
      'REPORT RequestId: a',
      'START RequestId: b',
    ]);
    expect(run('filter ispresent(@duration) and @duration <= 7 | sort @duration')).toEqual([
      'REPORT RequestId: b',
      'REPORT RequestId: a',
    ]);
  });

  it('counts matches before the limit', () => {
    expect(runQuery(compileQuery('filter ispresent(@duration) | limit 1'), rows)).toMatchObject({
      matched: 3,
    });
  });

  it('projects the fields it is asked for', () => {
    expect(compileQuery('fields @timestamp, @message | fields @logStream').projection).toEqual([
      '@timestamp',
      '@message',
      '@logStream',
    ]);
    expect(compileQuery('filter @type = "REPORT"').projection).toBeNull();
  });

  it.each([
    ['stats count(*) by bin(5m)', 0],
    ['fields @message as m', 16],
    ['filter @message like /unclosed', 21],
    ['limit 10001', 6],
    ['filter @type = "REPORT" |', 24],
    ['filter @duration', 7],
    ['parse @message "* *" as a, b', 0],
  ])('refuses %s at character %i', (query, offset) => {
    try {
      compileQuery(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryCompileError);
      expect((error as QueryCompileError).startCharOffset).toBe(offset);
    }
  });
});
