import type { Reply } from "@shared/api/replies";
import type { CaseDetail } from "@shared/domain/appeal";
import type { DeskAction } from "@shared/domain/desk-action";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useModalDialog } from "../app/use-modal-dialog";
import { DecisionForm } from "./decision-form";

/**
 * Decide: the shared decision form in a modal. The form checks the decision with the shared money
 * model, so the desk never queues what the server would refuse; the dialog only opens, closes and
 * queues the body.
 */
export function DecisionDialog({
  detail,
  open,
  onClose,
  onSubmit,
  macros,
}: {
  detail: CaseDetail;
  /** Decision macros from the desk's cache (pre-fill only). */
  macros?: readonly Reply[];
  open: boolean;
  onClose(): void;
  onSubmit(action: DeskAction): Promise<void>;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  const title = useId();
  // A new key after each decision (or cancel) starts the next one from an empty form.
  const [round, setRound] = useState(0);
  const close = () => {
    setRound((n) => n + 1);
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog decide-dialog" aria-labelledby={title} onClose={close}>
      <h2 id={title}>{t("decide.title", { reference: detail.reference })}</h2>
      <DecisionForm
        key={round}
        detail={detail}
        macros={macros}
        submitLabel={t("decide.submit")}
        confirmLabel={t("decide.confirm")}
        onCancel={close}
        onConfirm={async (body) => {
          await onSubmit({ type: "decision", body });
          close();
        }}
      />
    </dialog>
  );
}
