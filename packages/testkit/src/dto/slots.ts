/** One slot of `GET /v2/slots` (2024-09-04); `end` only with `format=range`. Times carry the zone's offset. */
export interface SlotOutput {
  start: string;
  end?: string;
}

/** `data` of `GET /v2/slots`: slots keyed by date (`YYYY-MM-DD`) in the requested time zone. */
export type SlotsOutput = Record<string, SlotOutput[]>;

/** A slot reservation (`ReserveSlotOutput_2024_09_04`). */
export interface ReservationOutput {
  eventTypeId: number;
  slotStart: string;
  slotEnd: string;
  slotDuration: number;
  reservationUid: string;
  reservationDuration: number;
  reservationUntil: string;
}
