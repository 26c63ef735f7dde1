export { type CalComHandlersOptions, createCalComHandlers, waitForAbort } from './handlers';
export {
  htmlErrorOnce,
  malformedJsonOnce,
  networkErrorOnce,
  rateLimitedOnce,
  respondOnce,
  type ScenarioMethod,
  type ScenarioOptions,
  serverErrorOnce,
  slowOnce,
} from './scenarios';
