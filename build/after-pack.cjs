// electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, before it is
// signed. Fuses are compiled-in switches no command-line flag or environment variable can turn
// back on, so the hardening holds even if someone launches the installed app by hand.
const path = require("node:path");
const { flipFuses, FuseVersion, FuseV1Options } = require("@electron/fuses");

/** The desk's fuse settings; the security test reads this object. */
const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 "Arbiter Desk"` would otherwise be a signed Node.js for anyone.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other network state encrypted with the OS keychain key, like Chrome's.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let another process inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only our app.asar is loaded, and (macOS, Windows) only if it matches the signed hash.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, never file://: file:// keeps no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
};

/** Where the Electron executable sits in the packed app, per platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === "darwin" || electronPlatformName === "mas")
    return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === "win32") return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  await flipFuses(executablePath(context), {
    version: FuseVersion.V1,
    // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature:
      context.electronPlatformName === "darwin" && context.arch === 3 /* Arch.arm64 */,
    ...FUSES,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
