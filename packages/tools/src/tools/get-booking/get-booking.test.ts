import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { getBooking } from './get-booking';

describe('get_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('gets a booking by uid, pointing at its replacement when rescheduled', async () => {
    const rescheduled = simulator().state.bookings.find((booking) => booking.rescheduledToUid !== undefined);
    const uid = rescheduled?.uid ?? '';
    const result = expectOk(await runTool(getBooking, { booking_id: uid }, createTestContext()));
    expect(requestsSeen()).toEqual([{ method: 'GET', path: `/v2/bookings/${uid}`, query: {}, body: undefined }]);
    expect(result.text).toContain(`rescheduled to uid ${rescheduled?.rescheduledToUid}`);
    expect(result.text).toMatchInlineSnapshot(
      `"uid S3RIoiUHIESpoHfgNxP971 | cancelled | 2026-11-27T10:00:00Z–10:30:00Z (Fri 2026-11-27 11:00+01:00–11:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Tu Youyou" | event_type_id 3002 | with "Tu Youyou" <tu@example.com> (18:00+08:00–18:30 Asia/Shanghai) | at "https://app.cal.com/video/S3RIoiUHIESpoHfgNxP971" | rescheduled to uid ALB9Us1FP1xxNFJZhR2T41"`,
    );
    expect(result.structured).toMatchSnapshot();
  });

  it('refuses an id that is not a uid without a request', async () => {
    const result = expectFailure(await runTool(getBooking, { booking_id: 'booking 12' }, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field: 'booking_id',
        message:
          '"booking 12" is not a Cal.com uid: only letters, digits, "-" and "_" are allowed. Pass the uid exactly as Cal.com returned it (list the resources first to get one); never invent one.',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
