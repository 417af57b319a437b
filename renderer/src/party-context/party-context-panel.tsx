import type { CaseContext, PartyAccount, RelatedAppeal } from "@shared/api/case-context";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../i18n/format";
import type { PartyContextApi } from "./party-context-api";

type Loaded =
  | { state: "loading" }
  | { state: "unavailable" }
  | { state: "ready"; context: CaseContext };

const DAY_MS = 86_400_000;
const KYC_LEVELS = [
  "context.kycLevel.0",
  "context.kycLevel.1",
  "context.kycLevel.2",
  "context.kycLevel.3",
] as const;

/**
 * The case in its context, from the server: each party's account facts as the platform sent
 * them and its other appeals (same platform user id) with their outcomes, and the appeals on
 * the same order or transaction. Read when the case opens; offline it says it cannot be shown.
 */
export function PartyContextPanel({
  caseId,
  api,
  onOpen,
  now = Date.now,
}: {
  caseId: string;
  api: PartyContextApi;
  onOpen?(caseId: string): void;
  now?: () => number;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    api.load(caseId, controller.signal).then(
      (context) => !controller.signal.aborted && setLoaded({ state: "ready", context }),
      () => !controller.signal.aborted && setLoaded({ state: "unavailable" }),
    );
    return () => controller.abort();
  }, [api, caseId]);

  return (
    <section className="party-context" aria-labelledby="party-context-heading">
      <h2 id="party-context-heading">{t("context.title")}</h2>
      {loaded.state === "loading" ? (
        <p className="muted">{t("context.loading")}</p>
      ) : loaded.state === "unavailable" ? (
        <p className="muted" role="status">
          {t("context.unavailable")}
        </p>
      ) : (
        <>
          <div className="party-context-grid">
            {loaded.context.parties.map((party) => (
              <section
                key={party.role}
                className="party-context-party"
                aria-label={t("context.partyLabel", {
                  role: t(`role.${party.role}`),
                  name: party.displayName,
                })}
              >
                <h3>
                  {t(`role.${party.role}`)}: {party.displayName}{" "}
                  <span className="muted">({party.externalUserId})</span>
                </h3>
                <AccountFacts account={party.account} now={now()} />
                <h4>{t("context.otherAppeals", { count: party.otherAppeals.length })}</h4>
                <RelatedList appeals={party.otherAppeals} onOpen={onOpen} showRole />
              </section>
            ))}
          </div>
          <h3>{t("context.linked", { count: loaded.context.linked.length })}</h3>
          <RelatedList
            appeals={loaded.context.linked}
            onOpen={onOpen}
            linkLabel={(a) =>
              "link" in a && a.link === "transaction"
                ? t("context.sameTransaction")
                : t("context.sameOrder")
            }
          />
        </>
      )}
    </section>
  );
}

function AccountFacts({ account, now }: { account: PartyAccount | null; now: number }) {
  const { t } = useTranslation();
  if (!account) return <p className="muted">{t("context.noAccount")}</p>;
  const { openedAt, completedTrades, kycLevel } = account;
  return (
    <dl className="account-facts">
      <dt>{t("context.accountAge")}</dt>
      <dd>
        {openedAt === null
          ? t("context.unknown")
          : t("context.days", {
              count: Math.max(0, Math.floor((now - Date.parse(openedAt)) / DAY_MS)),
            })}
      </dd>
      <dt>{t("context.completedTrades")}</dt>
      <dd>{completedTrades === null ? t("context.unknown") : String(completedTrades)}</dd>
      <dt>{t("context.kyc")}</dt>
      <dd>
        {kycLevel === null ? t("context.unknown") : t(KYC_LEVELS[kycLevel] ?? "context.unknown")}
      </dd>
    </dl>
  );
}

function RelatedList({
  appeals,
  onOpen,
  showRole = false,
  linkLabel,
}: {
  appeals: readonly RelatedAppeal[];
  onOpen?: ((caseId: string) => void) | undefined;
  showRole?: boolean;
  linkLabel?: (appeal: RelatedAppeal) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (appeals.length === 0) return <p className="muted">{t("context.none")}</p>;
  return (
    <ul className="related-appeals">
      {appeals.map((appeal) => (
        <li key={appeal.id} data-case-id={appeal.id}>
          {onOpen ? (
            <button type="button" className="link-button" onClick={() => onOpen(appeal.id)}>
              {appeal.reference}
            </button>
          ) : (
            <strong>{appeal.reference}</strong>
          )}{" "}
          <span>{format.date(appeal.filedAt)}</span> · <span>{t(`kind.${appeal.kind}`)}</span> ·{" "}
          <span>{t(`status.${appeal.status}`)}</span> ·{" "}
          <span className="related-outcome">
            {appeal.outcome ? t(`outcome.${appeal.outcome}`) : t("context.undecided")}
          </span>
          {showRole ? <span className="muted"> · {t(`role.${appeal.role}`)}</span> : null}
          {linkLabel ? <span className="muted"> · {linkLabel(appeal)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
