// The Message resource: one line per operation.
export * as add from './add.operation';
export * as deleteAll from './deleteAll.operation';
export * as getAll from './getAll.operation';
export * as replaceAll from './replaceAll.operation';
