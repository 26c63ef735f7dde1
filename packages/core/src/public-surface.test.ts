import { describe, expect, it } from 'vitest';
import * as root from './index';
import * as schemas from './schemas';

describe('the public surface of @calcom-int/core', () => {
  it('exports the client, errors, helpers and constants at the root, and no valibot schema', () => {
    const names = Object.keys(root).sort();
    expect(names.filter((name) => name.endsWith('Schema'))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['CalComClient', 'CalComError', 'verifyWebhookSignature', 'wallClockAt', 'checkTimeZone']),
    );
    expect(names).not.toContain('excerptOf');
    expect(names).toHaveLength(36);
  });

  it('exports only valibot schemas at @calcom-int/core/schemas', () => {
    const names = Object.keys(schemas);
    expect(names.filter((name) => !name.endsWith('Schema'))).toEqual([]);
    expect(names).toHaveLength(31);
    expect(schemas.BookingDtoSchema).toMatchObject({ kind: 'schema', type: 'object' });
  });
});
