import { useEffect } from "react";
import { useStore } from "zustand";
import { LoginScreen } from "../auth/login-screen";
import { QueueScreen } from "../queue/queue-screen";
import type { Services } from "./services";

export function App({ services }: { services: Services }) {
  const { status, user, restore, signOut } = useStore(services.auth);
  useEffect(() => {
    void restore();
  }, [restore]);

  if (status === "restoring") return <p className="splash">Arbiter Desk…</p>;
  if (status !== "signed-in" || !user) return <LoginScreen store={services.auth} />;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Arbiter Desk</span>
        <span className="who">
          {user.displayName} · {user.role}
        </span>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main className="content">
        <QueueScreen store={services.queue} />
      </main>
    </div>
  );
}
