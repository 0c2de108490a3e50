/** Injection tokens for values that are not classes. */
export const ROOT_LOGGER = 'ROOT_LOGGER';
/** The database URL, or undefined when only the schema is being built (no connections, no jobs). */
export const DATABASE_URL = 'DATABASE_URL';
/** In-process PubSub that fans already-computed live payloads out to this instance's subscribers. */
export const LIVE_EVENTS = 'LIVE_EVENTS';
