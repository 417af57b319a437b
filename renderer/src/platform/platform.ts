/**
 * Everything the renderer needs from its host, behind one interface: the Electron shell implements
 * it over the preload bridge, a plain browser (web mode) over web APIs, and tests in memory.
 */
export interface Platform {
  readonly kind: "electron" | "web" | "test";
  /** Absolute base URL of the API, e.g. "http://127.0.0.1:8787/api/v1". */
  apiBaseUrl(): Promise<string>;
  /** Where the session token is kept between launches (OS keychain in Electron). */
  readonly credentials: CredentialStore;
}

export interface CredentialStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}
