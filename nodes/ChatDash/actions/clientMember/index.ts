// The clientMember resource: one line per operation (being written).
export {};
