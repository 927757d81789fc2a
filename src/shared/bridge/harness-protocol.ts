/** How the renderer reaches main over HTTP in the web harness; the server and client both read these. */
export const HARNESS_TOKEN_META = 'stipple-harness-token'
export const HARNESS_TOKEN_HEADER = 'x-stipple-token'
export const HARNESS_API_PREFIX = '/api/'
