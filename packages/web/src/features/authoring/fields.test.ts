import { describe, expect, it } from 'vitest';
import { ApiError, detailText } from '../../api/client';
import { refusalOf } from './fields';

const KPI_KEYS = ['name', 'unit', 'target.value', 'target.period', 'target'];

describe('refusalOf', () => {
  it('places a one-edit refusal on its fields, the edit index dropped', () => {
    const caught = new ApiError(400, 'invalid_edit', 'The edits were refused', [
      { path: 'edits[0].target.period', message: 'the target must come after the baseline' },
      { path: 'edits[0].unit', message: 'a rank KPI takes "位"' },
    ]);
    expect(refusalOf(caught, KPI_KEYS)).toEqual({
      fields: { 'target.period': 'the target must come after the baseline', unit: 'a rank KPI takes "位"' },
      message: null,
    });
  });

  it('puts a path under a field on that field, and two messages for one field side by side', () => {
    const caught = new ApiError(400, 'invalid_edit', 'refused', [
      { path: 'edits[0].ministries[1]', message: 'no such ministry' },
      { path: 'edits[0].ministries', message: 'at least one' },
    ]);
    expect(refusalOf(caught, ['title', 'ministries']).fields).toEqual({
      ministries: 'no such ministry / at least one',
    });
  });

  it('keeps in the message what no field holds, and the message of a refusal without details', () => {
    const stray = new ApiError(400, 'invalid_edit', 'refused', [{ path: 'edits[0].op', message: 'unknown' }]);
    expect(refusalOf(stray, KPI_KEYS)).toEqual({ fields: {}, message: 'op: unknown' });
    const conflict = new ApiError(409, 'stale_draft', 'The draft changed meanwhile');
    expect(refusalOf(conflict, KPI_KEYS)).toEqual({ fields: {}, message: 'The draft changed meanwhile' });
    expect(refusalOf(new Error('offline'), KPI_KEYS)).toEqual({ fields: {}, message: 'offline' });
  });

  it('does not take a field for another whose name starts alike', () => {
    const caught = new ApiError(400, 'invalid_input', 'refused', [
      { path: 'horizon.to', message: 'must not be before horizon.from' },
    ]);
    expect(refusalOf(caught, ['horizon.from', 'horizon.to', 'horizon']).fields).toEqual({
      'horizon.to': 'must not be before horizon.from',
    });
  });
});

describe('a refused field in the page language', () => {
  const detail = {
    path: 'edits[0].ministries[1]',
    message: 'no ministry "宇"',
    ja: '「宇」という府省庁はありません',
  };

  it('shows the Japanese the rule wrote on a Japanese page, the English on an English one', () => {
    expect(detailText(detail, 'ja')).toBe('「宇」という府省庁はありません');
    expect(detailText(detail, 'en')).toBe('no ministry "宇"');
    expect(detailText({ path: 'x', message: 'only English' }, 'ja')).toBe('only English');
  });

  it('places the Japanese on the field where there is no document to ask (a Japanese-first default)', () => {
    const caught = new ApiError(400, 'invalid_edit', 'refused', [detail]);
    expect(refusalOf(caught, ['ministries']).fields).toEqual({
      ministries: '「宇」という府省庁はありません',
    });
  });
});
