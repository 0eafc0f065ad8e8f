// The Agent resource: one line per operation.
export * as assign from './assign.operation';
export * as create from './create.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
export * as unassign from './unassign.operation';
export * as update from './update.operation';
