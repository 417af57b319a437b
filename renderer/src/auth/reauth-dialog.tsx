import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { useModalDialog } from "../app/use-modal-dialog";
import type { AuthStore } from "./auth-store";
import { CredentialFields } from "./credential-fields";
import { describeSignInError } from "./login-screen";

/**
 * The sign-in asked for in place after a 401: a modal over whatever the agent was doing, which
 * stays underneath, cache and outbox included. The username is the current user's; changing it
 * signs someone else in (their own desk; this user's pending actions stay theirs).
 */
export function ReauthDialog({ store }: { store: AuthStore }) {
  const { t } = useTranslation();
  const { user, isSessionExpired, isReauthenticating, reauthError, reauthenticate } =
    useStore(store);
  const [username, setUsername] = useState(user?.username ?? "");
  const [password, setPassword] = useState("");
  const ref = useModalDialog(isSessionExpired);
  const titleId = useId();
  const errorId = useId();
  if (!user) return null;
  const isOtherUser = username.trim() !== "" && username.trim() !== user.username;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reauthenticate(username.trim(), password).then(() => setPassword(""));
  };

  return (
    <dialog
      ref={ref}
      className="reauth-dialog"
      aria-labelledby={titleId}
      // Escape would leave the desk unable to sync with no way back: the dialog stays.
      onCancel={(event) => event.preventDefault()}
    >
      <form onSubmit={submit} aria-describedby={reauthError ? errorId : undefined}>
        <h2 id={titleId}>{t("login.reauthTitle")}</h2>
        <p>{t("login.reauthBody")}</p>
        <CredentialFields
          username={username}
          password={password}
          onUsername={setUsername}
          onPassword={setPassword}
        />
        {isOtherUser ? (
          <p className="form-hint">{t("login.reauthOtherUser", { name: user.displayName })}</p>
        ) : null}
        {reauthError ? (
          <p id={errorId} role="alert" className="form-error">
            {describeSignInError(reauthError, t)}
          </p>
        ) : null}
        <button type="submit" disabled={isReauthenticating}>
          {isReauthenticating ? t("login.signingIn") : t("login.signIn")}
        </button>
      </form>
    </dialog>
  );
}
