import { type FormEvent, useId, useState } from "react";
import { useStore } from "zustand";
import type { AuthStore } from "./auth-store";

export function LoginScreen({ store }: { store: AuthStore }) {
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
        <h1>Arbiter Desk</h1>
        <p className="login-subtitle">Sign in to your arbitration queue</p>
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p id={errorId} role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
