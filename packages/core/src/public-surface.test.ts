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
    expect(names).toHaveLength(40);
  });

  it('exports valibot schemas and the input rules (schema factories, limits, the range rule) at @calcom-int/core/schemas', () => {
    const names = Object.keys(schemas);
    expect(names.filter((name) => !name.endsWith('Schema')).sort()).toEqual([
      'CLOCK_RANGE_PROBLEM',
      'MAX_AVAILABILITY_DAYS',
      'MAX_BOOKINGS_PAGE_SIZE',
      'MAX_EMAIL_LENGTH',
      'MAX_ID',
      'MAX_LENGTH_IN_MINUTES',
      'MAX_METADATA_KEYS',
      'MAX_METADATA_KEY_LENGTH',
      'MAX_METADATA_VALUE_LENGTH',
      'MAX_NAME_LENGTH',
      'MAX_NOTE_LENGTH',
      'MAX_ROUTING_FORM_ANSWERS',
      'MAX_UID_LENGTH',
      'emailAddressProblem',
      'isRealInstant',
      'rangeProblem',
    ]);
    expect(names).toHaveLength(75);
    expect(schemas.BookingDtoSchema).toMatchObject({ kind: 'schema', type: 'object' });
  });
});
