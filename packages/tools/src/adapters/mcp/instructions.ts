/** Server instructions: the rules every client model gets with the Cal.com tools. */
export const SERVER_INSTRUCTIONS = [
  'Cal.com scheduling tools. Rules:',
  '- Times: send ISO 8601 with an explicit offset, preferably UTC with Z (2026-11-26T09:00:00Z). Convert the user’s local time to UTC yourself and show results in both UTC and the user’s zone (get_user_profile has it).',
  '- Check availability before booking or rescheduling: call list_availability with the event_type_id and only use a start it returned.',
  '- Confirm destructive actions (cancel_booking, reschedule_booking, decline_booking) and bookings for other people with the user before calling.',
  '- Never invent ids: take event_type_id, booking_id (the booking uid), team_id and user_id from earlier tool results.',
  '- Do not retry a write after an unclear failure (timeout, 5xx, unknown outcome): check list_bookings or get_booking first, so nothing is booked twice.',
  '- Cal.com sends confirmation and notification emails itself; the API cannot suppress them.',
].join('\n');
