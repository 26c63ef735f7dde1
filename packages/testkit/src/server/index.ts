export { type CalComServer, type CalComServerOptions, startCalComServer } from './start-server';
