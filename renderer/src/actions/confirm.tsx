import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The second step of every action: the consequence in plain words, then confirm or go back. */
export function Confirmation({
  children,
  confirmLabel,
  onConfirm,
  onBack,
  isBusy,
}: {
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onBack(): void;
  isBusy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirmation" aria-live="polite">
      <p className="consequence">{children}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={onConfirm} disabled={isBusy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onBack} disabled={isBusy}>
          {t("actions.back")}
        </button>
      </div>
    </div>
  );
}

/** A field's validation message, tied to its input by id. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
