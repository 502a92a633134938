import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig: how long a report job keeps its file', () => {
  it('keeps a finished job’s file 7 days unless KOTEI_JOB_FILE_DAYS says otherwise', () => {
    expect(readConfig({}).jobFileDays).toBe(7);
    expect(readConfig({ KOTEI_JOB_FILE_DAYS: '30' }).jobFileDays).toBe(30);
    expect(readConfig({ KOTEI_JOB_FILE_DAYS: '0.5' }).jobFileDays).toBe(0.5);
  });

  it('stops the start naming the variable when the value is no positive number of days', () => {
    for (const bad of ['0', '-1', 'week', 'Infinity']) {
      expect(() => readConfig({ KOTEI_JOB_FILE_DAYS: bad })).toThrow(/KOTEI_JOB_FILE_DAYS/);
    }
  });
});
