import type { ReserveSlotOutput_2024_09_04 } from '../generated/dto.generated';

/**
 * One slot of `GET /v2/slots` (2024-09-04); `end` only with `format=range`. Times carry the zone's offset. Written by
 * hand: the document describes this response as bare maps without the envelope (docs/CALCOM-API.md §9.8 item 6).
 */
export interface SlotOutput {
  start: string;
  end?: string;
  /** Seated event types: the seats taken at this start (docs/CALCOM-API.md §7.3). */
  attendeesCount?: number;
  /** Seated event types: the booking holding the seats at this start. */
  bookingUid?: string;
}

/** `data` of `GET /v2/slots`: slots keyed by date (`YYYY-MM-DD`) in the requested time zone. */
export type SlotsOutput = Record<string, SlotOutput[]>;

/** A slot reservation (`ReserveSlotOutput_2024_09_04`). */
export type ReservationOutput = ReserveSlotOutput_2024_09_04;
