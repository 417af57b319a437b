import type { PresenceViewer } from "@shared/api/presence";
import { useTranslation } from "react-i18next";

/**
 * "Viewing: Chen Hao" beside a case: someone else has it open on their desk right now, so the
 * agent can talk to them before both work the same dispute. Text, not an icon alone.
 */
export function PresenceBadge({ viewers }: { viewers: readonly PresenceViewer[] | undefined }) {
  const { t } = useTranslation();
  if (!viewers?.length) return null;
  const names = viewers.map((viewer) => viewer.displayName).join(", ");
  return (
    <span className="presence" title={names}>
      {t("presence.viewing", { names })}
    </span>
  );
}
