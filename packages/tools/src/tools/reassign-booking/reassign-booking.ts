import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { untrustedText } from '../../format';
import { requestOptions } from '../../request-options';
import { BookingUidSchema, NumericIdSchema } from '../../schemas';

/** Moves a round-robin team booking to another host. */
export const reassignBooking = defineTool({
  name: 'reassign_booking',
  description:
    'Moves a round-robin team booking to another host; the uid stays. Without user_id Cal.com picks a free host. ' +
    'WORKFLOW: get_booking → user confirms → reassign_booking.',
  input: v.strictObject({
    booking_id: v.pipe(BookingUidSchema, v.description('The booking uid.')),
    user_id: v.optional(v.pipe(NumericIdSchema, v.description('New host; one of the event type hosts.'))),
  }),
  annotations: {
    title: 'Reassign booking',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: { uid: 'booking_id', userId: 'user_id' },
  async handler(input, context) {
    const result = await context.client.bookings.reassign(
      input.booking_id,
      input.user_id === undefined ? {} : { userId: input.user_id },
      requestOptions(context),
    );
    const host = result.reassignedTo;
    const name = host.name === null ? '' : `${untrustedText(host.name)} `;
    const readBack = result.verifiedByReadBack
      ? " Cal.com's answer was lost, so the booking was read back: it shows the new host. Do not reassign it again."
      : '';
    return {
      text: `Reassigned booking uid ${result.bookingUid} to ${name}<${untrustedText(host.email)}> (user_id ${host.id}).${readBack}`,
      structured: {
        bookingUid: result.bookingUid,
        reassignedTo: {
          id: host.id,
          name: host.name === null ? null : untrustedText(host.name),
          email: untrustedText(host.email),
        },
        verifiedByReadBack: result.verifiedByReadBack,
      },
    };
  },
});
