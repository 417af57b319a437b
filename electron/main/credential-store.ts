import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** What the store uses of Electron's `safeStorage`. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: "basic_text" means no keyring was found and "encryption" is a fixed key. */
  getSelectedStorageBackend?(): string;
}

export interface KeychainCredentialStore {
  load(): string | null;
  /** Returns false when the OS has no keychain: the token is then kept in memory only. */
  save(token: string): boolean;
  clear(): void;
}

/**
 * The session token, encrypted by the OS keychain (Keychain on macOS, DPAPI on Windows, libsecret
 * or KWallet on Linux) and written to one file in the user-data folder. The plain token never
 * touches the disk: without a real keychain (a Linux session with no keyring falls back to a
 * hard-coded key, "basic_text") it lives in memory for this run and the agent signs in again
 * next launch. A file that no longer decrypts (keychain reset, copied profile) is deleted.
 */
export function createKeychainCredentialStore(
  safeStorage: SafeStorageLike,
  filePath: string,
): KeychainCredentialStore {
  let inMemory: string | null = null;
  const hasKeychain = () =>
    safeStorage.isEncryptionAvailable() &&
    safeStorage.getSelectedStorageBackend?.() !== "basic_text";

  const removeFile = () => rmSync(filePath, { force: true });

  return {
    load() {
      if (inMemory !== null) return inMemory;
      if (!hasKeychain()) return null;
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(filePath);
      } catch {
        return null;
      }
      try {
        return safeStorage.decryptString(encrypted);
      } catch {
        removeFile();
        return null;
      }
    },
    save(token) {
      if (!hasKeychain()) {
        inMemory = token;
        removeFile();
        return false;
      }
      inMemory = null;
      mkdirSync(dirname(filePath), { recursive: true });
      const temporary = `${filePath}.tmp`;
      writeFileSync(temporary, safeStorage.encryptString(token), { mode: 0o600 });
      renameSync(temporary, filePath);
      return true;
    },
    clear() {
      inMemory = null;
      removeFile();
    },
  };
}
