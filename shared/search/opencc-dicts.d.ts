/**
 * opencc-js ships its dictionaries as modules of one string each ("繁 简|體 体|…": pairs
 * separated by `|`, source and targets by spaces) under the package's `./*` export, without
 * type declarations of their own.
 */
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
