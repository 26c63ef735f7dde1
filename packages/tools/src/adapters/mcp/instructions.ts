import { UNTRUSTED_TEXT_NOTE } from '../../format';

/** Server instructions: the rules every client model gets with the Cal.com tools. */
export const SERVER_INSTRUCTIONS = [
  'Cal.com scheduling tools. Rules:',
  '- Now: get_user_profile tells the current instant (UTC) and the date and time in the Cal.com account’s time zone; use it to resolve "today", "tomorrow" or "next Tuesday".',
  '- Zones: get_user_profile’s time zone is the Cal.com account owner’s. The person you are talking to may be elsewhere: ask, or use the zone they name, and pass it as attendee_timezone or time_zone.',
  '- Times: send ISO 8601 with an explicit offset, preferably UTC with Z (2026-11-26T09:00:00Z). Convert local times to UTC yourself; results show UTC and local times with their UTC offset.',
  '- Check availability before booking or rescheduling: call list_availability with the event_type_id and only use a start it returned.',
  '- Confirm destructive actions (cancel_booking, reschedule_booking, decline_booking) and bookings for other people with the user before calling.',
  '- Never invent ids: take event_type_id, booking_id (the booking uid), team_id and user_id from earlier tool results.',
  '- Do not retry a write after an unclear failure (timeout, 5xx, unknown outcome): check list_bookings or get_booking first, so nothing is booked twice.',
  `- ${UNTRUSTED_TEXT_NOTE}`,
  '- Cal.com sends confirmation and notification emails itself; the API cannot suppress them.',
].join('\n');
