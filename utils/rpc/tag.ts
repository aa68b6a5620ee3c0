// The tag that marks our runtime requests (kept apart so content scripts don't pull in the schemas).
import { MESSAGE_TAGS } from '@/utils/frames/tags';

export const RPC_TAG = MESSAGE_TAGS.rpc;
