/** Fuse settings flipped at packaging, keyed by `FuseV1Options` value. */
export declare const FUSES: Readonly<Record<number, boolean>>;
export declare function executablePath(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}): string;
declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
