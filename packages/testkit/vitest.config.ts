import { unitTestConfig } from '../../tooling/vitest.shared';

export default unitTestConfig({ coverageThreshold: 85, coverageExclude: ['src/bin/**'] });
