/**
 * Web permissions (camera, microphone, geolocation, notifications, clipboard read, HID, USB,
 * serial, screen capture, …) are denied to every page, asked or merely checked. The desk needs
 * none of them: notifications go through the main process (`notification:show`), where they
 * are rate-limited and open the right case. A feature that needs one adds it here, named.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

/** What the policy uses of Electron's `Session`; Electron's satisfies it. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: Record<string, never>) => void) => void,
  ): void;
}

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}

export function applyPermissionPolicy(
  session: PermissionSession,
  onDenied: (permission: string) => void = () => {},
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) onDenied(permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // An empty answer refuses screen capture without a picker.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
