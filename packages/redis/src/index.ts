export * from './connection';
export * from './redis-rate-limit-store';
export * from './write-ledger';
