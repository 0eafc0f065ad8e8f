// The Analytics resource: one line per operation.
export * as query from './query.operation';
