// The tag that marks our runtime messages (kept apart so content scripts don't pull in the schemas).
export const RPC_TAG = 'archivio/rpc';
