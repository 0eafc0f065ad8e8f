// The Lead resource: one line per operation.
export * as create from './create.operation';
export * as update from './update.operation';
