import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Words } from "./catalog-words";

/**
 * The desk's `t` as plain `Words`, for helpers that look up keys they build (problem types):
 * stable while the language stays, so it can sit in an effect's dependencies.
 */
export function useWords(): Words {
  const { t } = useTranslation();
  // The keys are built at run time; a missing one comes back as itself (i18next's rule).
  const lookup = t as unknown as (key: string, params?: Record<string, string>) => string;
  return useCallback<Words>((key, params) => lookup(key, params), [lookup]);
}
