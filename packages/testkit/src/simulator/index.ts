export { createCalComSimulator } from './create-simulator';
export {
  ALREADY_CANCELLED_MESSAGE,
  NOT_AVAILABLE_MESSAGE,
  OUT_OF_BOUNDS_MESSAGE,
  PAST_BOOKING_MESSAGE,
} from './resources/bookings';
export { DEFAULT_API_KEY, SECOND_API_KEY } from './seed';
export type {
  CalComSimulator,
  Fault,
  FaultControls,
  FaultRule,
  NetworkFault,
  RateLimitOptions,
  RecordedRequest,
  SeedOptions,
  SimulatorOptions,
  SimulatorResult,
  SimulatorStateView,
  SimulatorUser,
  StoredReservation,
} from './types';
