// The Promotion Code resource: one line per operation.
export * as create from './create.operation';
export * as getAll from './getAll.operation';
