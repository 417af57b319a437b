import type { TFunction } from "i18next";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { LanguageSwitcher } from "../i18n/language-switcher";
import type { AuthStore, SignInError } from "./auth-store";
import { CredentialFields } from "./credential-fields";

export function describeSignInError(error: SignInError, t: TFunction): string {
  switch (error.kind) {
    case "credentials":
      return t("login.wrongCredentials");
    case "unreachable":
      return t("login.unreachable");
    case "throttled":
      return error.retryAfterSeconds > 90
        ? t("login.throttledMinutes", { count: Math.ceil(error.retryAfterSeconds / 60) })
        : t("login.throttledSeconds", { count: Math.max(1, error.retryAfterSeconds) });
    case "other":
      return error.message ? t("login.failedWith", { message: error.message }) : t("login.failed");
  }
}

export function LoginScreen({ store }: { store: AuthStore }) {
  const { t } = useTranslation();
  const { status, error, signIn } = useStore(store);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const errorId = useId();
  const busy = status === "signing-in";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(username.trim(), password);
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
        {/* The product's name, the same in every language. */}
        <h1 translate="no">Arbiter Desk</h1>
        <p className="login-subtitle">{t("login.subtitle")}</p>
        <CredentialFields
          username={username}
          password={password}
          onUsername={setUsername}
          onPassword={setPassword}
        />
        {error ? (
          <p id={errorId} role="alert" className="form-error">
            {describeSignInError(error, t)}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t("login.signingIn") : t("login.signIn")}
        </button>
        {/* Before signing in too: the agent may not read the language the system picked. */}
        <LanguageSwitcher />
      </form>
    </main>
  );
}
