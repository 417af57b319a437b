/** The absolute path of the Electron binary, or null when it is absent. */
export function findElectronBinary(): string | null;
