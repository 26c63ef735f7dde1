import { afterAll, inject } from 'vitest';
import { flushTimings } from './timings';

// Each test file hands its timing samples to the report reporter when it ends.
afterAll(() => {
  flushTimings(inject('runDirectory'));
});
