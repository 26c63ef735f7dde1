import { libraryConfig } from '../../tooling/tsup.shared';

export default libraryConfig(import.meta.dirname, { index: 'src/index.ts' });
