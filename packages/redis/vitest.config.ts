import { unitTestConfig } from '../../tooling/vitest.shared';

export default unitTestConfig({
  setupFiles: ['@calcom-int/testkit/vitest'],
  coverageThreshold: 85,
  coverageExclude: ['src/bin/**'],
});
