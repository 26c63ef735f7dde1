export { ConferencingResource } from './conferencing';
