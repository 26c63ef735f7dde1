/** Base URL of Cal.com API v2; the msw handlers intercept it by default. */
export const DEFAULT_BASE_URL = 'https://api.cal.com/v2';
