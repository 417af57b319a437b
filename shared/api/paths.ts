/** The API's base path, shared by the server's routes and the desk's client. */
export const API_BASE = "/api/v1";
