export { createCalComSimulator } from './create-simulator';
export {
  OAUTH_ACCESS_TOKEN_TTL_SECONDS,
  OAUTH_AUTHORIZE_PATH,
  OAUTH_CODE_TTL_SECONDS,
  OAUTH_CONFIDENTIAL_CLIENT_ID,
  OAUTH_CONFIDENTIAL_CLIENT_SECRET,
  OAUTH_PUBLIC_CLIENT_ID,
  OAUTH_SCOPES,
  OAUTH_TOKEN_PATH,
  type OAuthClientRecord,
  type OAuthControls,
  type OAuthOptions,
} from './oauth';
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
