import { type CalComClient, CalComError, CalComNotFoundError } from '@calcom-int/core';

/**
 * Remembers everything a test file creates so it can be removed even when a test fails: bookings are cancelled,
 * event types deleted. {@link ResourceTracker.verifyClean} then asks the API that nothing is left.
 */
export class ResourceTracker {
  private readonly bookingUids = new Set<string>();
  private readonly eventTypeIds = new Set<number>();
  private readonly removedEventTypeIds = new Set<number>();

  /**
   * @param client The client used for cleanup and verification.
   * @param slugPrefix The slug prefix of every event type this file creates (checked to be gone at the end).
   * @param reason The cancellation reason written on cleaned-up bookings.
   */
  constructor(
    private readonly client: CalComClient,
    private readonly slugPrefix: string,
    private readonly reason = 'calcom-int live tests: cleanup',
  ) {}

  /**
   * Tracks a booking uid (the original and every rescheduled uid).
   *
   * @param uid The booking uid.
   * @returns The uid.
   */
  booking(uid: string): string {
    this.bookingUids.add(uid);
    return uid;
  }

  /**
   * Tracks an event type id.
   *
   * @param id The event type id.
   * @returns The id.
   */
  eventType(id: number): number {
    this.eventTypeIds.add(id);
    return id;
  }

  /** The tracked booking uids. */
  get bookings(): readonly string[] {
    return [...this.bookingUids];
  }

  /**
   * Cancels every tracked booking that is still active and deletes every tracked event type. Errors are collected,
   * not thrown one by one, so one failure does not stop the rest of the cleanup.
   *
   * @returns Messages for what could not be cleaned up (empty when all went well).
   */
  async cleanup(): Promise<string[]> {
    const problems: string[] = [];
    for (const uid of this.bookingUids) {
      try {
        const booking = await this.client.bookings.get(uid);
        if (booking.status !== 'cancelled' && booking.status !== 'rejected') {
          await this.client.bookings.cancel(uid, { reason: this.reason });
        }
      } catch (error) {
        problems.push(`booking ${uid}: ${describe(error)}`);
      }
    }
    // Bookings nobody tracked (a tool or agent booked something the test did not expect) are cancelled too, and
    // reported, so the run fails but leaves nothing behind.
    for (const id of this.eventTypeIds) {
      if (this.removedEventTypeIds.has(id)) continue;
      try {
        for await (const booking of this.client.bookings.iterate({
          eventTypeId: id,
          status: ['upcoming', 'unconfirmed'],
        })) {
          if (this.bookingUids.has(booking.uid)) continue;
          problems.push(`untracked booking ${booking.uid} of event type ${id} was still ${booking.status}`);
          this.bookingUids.add(booking.uid);
          await this.client.bookings.cancel(booking.uid, { reason: this.reason });
        }
      } catch (error) {
        problems.push(`bookings of event type ${id}: ${describe(error)}`);
      }
    }
    for (const id of this.eventTypeIds) {
      if (this.removedEventTypeIds.has(id)) continue;
      try {
        await this.client.eventTypes.delete(id);
        this.removedEventTypeIds.add(id);
      } catch (error) {
        if (error instanceof CalComNotFoundError) this.removedEventTypeIds.add(id);
        else problems.push(`event type ${id}: ${describe(error)}`);
      }
    }
    return problems;
  }

  /**
   * Asks the API whether anything is still there: every tracked booking must be cancelled (or rejected), every
   * tracked event type gone (404), and no listed event type may carry this file's slug prefix.
   *
   * @returns Messages for what is left (empty when clean).
   */
  async verifyClean(): Promise<string[]> {
    const left: string[] = [];
    for (const uid of this.bookingUids) {
      const booking = await this.client.bookings.get(uid);
      if (booking.status !== 'cancelled' && booking.status !== 'rejected') {
        left.push(`booking ${uid} is still ${booking.status}`);
      }
    }
    for (const id of this.eventTypeIds) {
      try {
        await this.client.eventTypes.get(id);
        left.push(`event type ${id} still exists`);
      } catch (error) {
        if (!(error instanceof CalComNotFoundError)) throw error;
      }
    }
    for (const eventType of await this.client.eventTypes.list()) {
      if (eventType.slug.startsWith(this.slugPrefix))
        left.push(`event type ${eventType.id} (${eventType.slug}) is listed`);
    }
    return left;
  }
}

function describe(error: unknown): string {
  if (CalComError.isInstance(error)) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
