import { UNTRUSTED_TEXT_NOTE } from '../../format';

/** Server instructions: the rules every client model gets with the Cal.com tools. */
export const SERVER_INSTRUCTIONS = [
  'Cal.com scheduling tools. Rules:',
  '- Now: get_user_profile tells the current instant (UTC) and the date and time in the Cal.com account’s time zone; use it to resolve "today", "tomorrow" or "next Tuesday".',
  '- Zones: get_user_profile’s time zone is the Cal.com account owner’s. The person you are talking to may be elsewhere: ask, or use the zone they name, and pass it as attendee_timezone or time_zone. A time_zone or attendee_timezone left out means the profile’s zone. Pass IANA names (Europe/Rome), not abbreviations (CET, EST) or offsets.',
  '- Times: send ISO 8601 with an explicit offset, preferably UTC with Z (2026-11-26T09:00:00Z). Results show UTC and local times, each local time with its UTC offset (10:00+01:00).',
  '- Check availability before booking or rescheduling: call list_availability with the event_type_id and only use a start it returned. Its end_date is inclusive (a bare date covers that whole UTC day); it lists at most limit free times and tells you the start_date to call again with for the rest.',
  '- Before create_booking, get_event_type lists the locations (by create_booking location.type) and the custom questions (answers by slug); a location it does not offer or a required question left out is refused before sending, naming what to pass.',
  '- Busy: get_busy_times shows when the user is busy across their connected calendars (not only Cal.com bookings); list_availability gives the bookable starts of an event type.',
  '- After a meeting, mark no-shows with mark_no_show; to tell an attendee how to join, use get_booking_links; add people with add_booking_guests and change the place with update_booking_location (tell the attendees: their calendar event may not change).',
  '- Team event types: Cal.com picks the host (round-robin: one free host; collective: all hosts); create_booking says who, and reassign_booking moves a round-robin booking to another host after the user agrees.',
  '- Other people’s free times are visible only through their event types: list_event_types(username) or list_event_types(team_id), then list_availability(event_type_id), or list_availability with event_type_slug and username or team_slug.',
  '- Routing forms: get_routing_form_slots(form_id, responses keyed by the form’s field identifiers) says which event type the answers route to and lists its free starts; book that event_type_id with a start it returned.',
  '- Recurring event types (list_event_types says "recurring …") book every occurrence in one create_booking (recurrence_count books fewer); cancel one occurrence by its uid, it and the later ones with cancel_following, or all with the series uid. Seated event types give each booker a seat: to drop one attendee, cancel_booking with seat_uid, never the whole booking.',
  '- Ask the user before every write (every tool whose name does not start with list_ or get_) and wait for a yes; say exactly what will change; for a delete_ tool say what stops working.',
  '- Never invent ids: take event_type_id, booking_id (the booking uid), team_id and user_id from earlier tool results.',
  '- Do not retry a write after an unclear failure (timeout, 5xx, unknown outcome): check list_bookings or get_booking first, so nothing is booked twice.',
  `- ${UNTRUSTED_TEXT_NOTE}`,
  '- Cal.com sends confirmation and notification emails itself; the API cannot suppress them.',
].join('\n');
