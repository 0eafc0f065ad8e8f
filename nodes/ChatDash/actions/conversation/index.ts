// The Conversation resource: one line per operation.
export * as analyze from './analyze.operation';
export * as create from './create.operation';
export * as delete from './delete.operation';
export * as downloadRecording from './downloadRecording.operation';
export * as get from './get.operation';
export * as getAll from './getAll.operation';
export * as update from './update.operation';
