import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/handlers/http-errors.js';
import { parseIdempotencyKey, parseIfMatch } from '../../functions/handlers/http-stack.js';
import { regionContains } from '../../functions/services/access.js';
import { CheckFailedError, ForbiddenError, InputError, NianbaoError, VersionConflictError } from '../../functions/services/errors.js';

describe('error mapping', () => {
  it('maps each error class to its status and shows its message', () => {
    expect(errorResponse(new InputError('坏了'))).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: '坏了' } } });
    expect(errorResponse(new ForbiddenError('不行')).status).toBe(403);
    expect(errorResponse(new VersionConflictError('旧了', 4)).body.error).toMatchObject({ code: 'version-conflict', currentVersion: 4 });
  });

  it('lists all findings of a failed check with counts', () => {
    const finding = { rule: 'appeals.total', severity: 'error', path: 'appeals.review.total', label: 'x', message: '不平' } as const;
    const warning = { ...finding, rule: 'overview.length', severity: 'warning' } as const;
    const { status, body } = errorResponse(new CheckFailedError('有错', [finding, warning]));
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ errorCount: 1, warningCount: 1, findings: [finding, warning] });
  });

  it('hides the message of anything unexpected behind a 500', () => {
    const { status, body } = errorResponse(new Error('secret stack detail'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
    class Unmapped extends NianbaoError {}
    expect(errorResponse(new Unmapped('内部')).status).toBe(500);
  });
});

describe('headers', () => {
  it('reads If-Match as a plain, quoted or weak version', () => {
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(() => parseIfMatch('*')).toThrow(InputError);
    expect(() => parseIfMatch('-1')).toThrow(InputError);
  });

  it('accepts 1–200 visible ASCII characters as Idempotency-Key', () => {
    expect(parseIdempotencyKey('a-b_c:1')).toBe('a-b_c:1');
    expect(() => parseIdempotencyKey('')).toThrow(InputError);
    expect(() => parseIdempotencyKey('has space')).toThrow(InputError);
    expect(() => parseIdempotencyKey('键')).toThrow(InputError);
  });
});

describe('regionContains', () => {
  it('nests counties in prefectures in provinces', () => {
    expect(regionContains('411325', '411325')).toBe(true);
    expect(regionContains('411300', '411325')).toBe(true);
    expect(regionContains('410000', '411325')).toBe(true);
    expect(regionContains('411325', '411300')).toBe(false);
    expect(regionContains('411300', '411425')).toBe(false);
    expect(regionContains('420000', '411325')).toBe(false);
  });
});
