// The Transaction resource: one line per operation.
export * as get from './get.operation';
export * as getAll from './getAll.operation';
