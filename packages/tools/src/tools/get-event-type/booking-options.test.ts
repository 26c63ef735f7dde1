import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { bookingOptionLines, bookingQuestions, offeredLocations } from './booking-options';
import { getEventType } from './get-event-type';

describe('get_event_type: locations and booking questions', () => {
  beforeEach(() => useFixedSimulator());

  it('shows the locations by create_booking type and the custom questions by slug', async () => {
    const result = expectOk(await runTool(getEventType, { event_type_id: 3007 }, createTestContext()));
    expect(result.text.split('\n').slice(-2)).toEqual([
      'locations (create_booking location.type): integration cal-video, address "12 St James Square, London", link "https://meet.example.com/ada", phone "+442071234567", attendee_phone',
      'questions (create_booking answers by slug): company "Company" (required), goal "What would you like to discuss?"',
    ]);
    expect(result.structured).toMatchObject({
      eventType: {
        locations: [
          { type: 'integration', value: 'cal-video' },
          { type: 'address', value: '12 St James Square, London' },
          { type: 'link', value: 'https://meet.example.com/ada' },
          { type: 'phone', value: '+442071234567' },
          { type: 'attendee_phone' },
        ],
        questions: [
          { slug: 'company', label: 'Company', required: true },
          { slug: 'goal', label: 'What would you like to discuss?', required: false },
        ],
      },
    });
  });

  it('skips entries it cannot read, default and hidden fields, and shows nothing without any', () => {
    expect(offeredLocations({ locations: [null, 'x', { kind: 'address' }, { type: 'attendeeDefined' }] })).toEqual([
      { type: 'attendee_defined' },
    ]);
    expect(
      bookingQuestions({
        bookingFields: [
          null,
          { label: 'No slug' },
          { slug: 'name', isDefault: true, required: true },
          { slug: 'secret', hidden: true },
          { slug: 'size', label: '' },
        ],
      }),
    ).toEqual([{ slug: 'size', label: 'size', required: false }]);
    expect(bookingOptionLines([], [])).toEqual([]);
  });
});
