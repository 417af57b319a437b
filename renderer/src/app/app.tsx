import type { User } from "@shared/domain/user";
import { useCallback, useEffect, useMemo, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { useStore } from "zustand";
import { LoginScreen } from "../auth/login-screen";
import { ReauthDialog } from "../auth/reauth-dialog";
import { startSessionRefresh } from "../auth/session-refresh";
import type { ContactRevealer } from "../case-workspace/case-store";
import { CaseWorkspace } from "../case-workspace/case-workspace";
import type { ConflictView, DeskData } from "../desk-data";
import { createAttentionStore } from "../desktop/attention";
import { AttentionNotices } from "../desktop/attention-notices";
import { startDesktopIntegration } from "../desktop/desktop-integration";
import { useFormatters } from "../i18n/format";
import { createI18n } from "../i18n/i18n";
import { LanguageSwitcher } from "../i18n/language-switcher";
import { createPartyContextApi, type PartyContextApi } from "../party-context/party-context-api";
import type { Platform } from "../platform/platform";
import type { PresenceApi } from "../presence/presence-store";
import { QueueScreen } from "../queue/queue-screen";
import { AvailabilitySwitch } from "../routing/availability-switch";
import { createRoutingApi, type RoutingApi } from "../routing/routing-api";
import { SettingsScreen } from "../settings/settings-screen";
import { createSettingsStore } from "../settings/settings-store";
import { SupervisorArea, SupervisorNavLink } from "../supervisor/supervisor-area";
import {
  createSupervisorServices,
  type SupervisorServices,
} from "../supervisor/supervisor-services";
import { ConflictList } from "./conflict-list";
import { createRouter, type RouterStore } from "./router";
import type { Services } from "./services";
import { SyncStatus, type SyncStatusLabels } from "./sync-status";
import { createWorkstation, type WorkstationSearch } from "./workstation";

function useSyncLabels(): SyncStatusLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      offline: t("sync.offline"),
      synced: t("sync.synced"),
      pending: (count) => t("sync.pendingCount", { count }),
      lastSync: t("sync.lastSync"),
      never: t("sync.never"),
      conflicts: (count) => t("sync.conflicts", { count }),
      failed: (count) => t("sync.failed", { count }),
      filling: (rows) => t("sync.filling", { count: rows }),
      uploads: (count) => t("attachments.statusPending", { count }),
      problem: (code) => t(`problems.${code}` as "problems.busy"),
    }),
    [t],
  );
}

function Desk({
  data,
  user,
  router,
  onSignOut,
  supervisor,
  platform,
  presenceApi,
  searchApi,
  partyContext,
  routing,
}: {
  data: DeskData;
  user: User;
  router: RouterStore;
  onSignOut(): Promise<void>;
  supervisor: SupervisorServices;
  platform: Platform;
  presenceApi: PresenceApi;
  searchApi: WorkstationSearch;
  partyContext: PartyContextApi;
  routing: RoutingApi;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const syncLabels = useSyncLabels();
  // Contact reveals go straight to the server (audited there), through the same API client as the
  // supervisor's report reveals.
  const reveal = useCallback<ContactRevealer>(
    (caseId, body) => supervisor.api.revealContacts(caseId, body),
    [supervisor],
  );
  const workstation = useMemo(
    () => createWorkstation(data, user, reveal, presenceApi, searchApi),
    [data, user, reveal, presenceApi, searchApi],
  );
  const { route, navigate } = useStore(router);
  // Names for the ids the desk would otherwise show (the queue export's assignee column): the same
  // team list the supervisor screens load; a failed load leaves ids, as before.
  const userNames = useStore(supervisor.staff, (s) => s.names);
  const team = useStore(supervisor.staff, (s) => s.staff);
  useEffect(() => {
    const controller = new AbortController();
    supervisor.staff
      .getState()
      .load(controller.signal)
      .catch(() => undefined);
    return () => controller.abort();
  }, [supervisor]);
  useEffect(() => {
    void workstation.start();
    return () => workstation.stop();
  }, [workstation]);
  // Cases a deadline job flagged for me (live `case_attention`), until I open them.
  const [attention] = useState(createAttentionStore);
  useEffect(() => {
    if (route.name === "case") {
      workstation.caseStore.getState().open(route.caseId);
      attention.getState().seen(route.caseId);
    } else workstation.caseStore.getState().close();
  }, [route, workstation, attention]);
  const open = useCallback(
    (caseId: string) => {
      workstation.queue.getState().focus(caseId);
      navigate({ name: "case", caseId });
    },
    [navigate, workstation],
  );
  const back = useCallback(() => navigate({ name: "queue" }), [navigate]);
  // j/k inside a case walk the queue as it stands (its filter and order), like j/k in the queue.
  const step = useCallback(
    (delta: number) => {
      const queue = workstation.queue.getState();
      // The router's state, not this render's: a quick second key must see the first's move.
      const now = router.getState().route;
      const current = now.name === "case" ? now.caseId : null;
      if (current) queue.focus(current);
      queue.moveFocus(delta);
      const target = workstation.queue.getState().focusedId;
      if (target && target !== current) navigate({ name: "case", caseId: target });
    },
    [navigate, router, workstation],
  );
  const next = useCallback(() => step(1), [step]);
  const previous = useCallback(() => step(-1), [step]);
  const [settings] = useState(() => createSettingsStore(platform.settings));
  // Notifications, badge, deep links, case windows and the application menu.
  useEffect(
    () =>
      startDesktopIntegration({
        platform,
        data,
        user,
        attention,
        openCase: open,
        openSettings: () => navigate({ name: "settings" }),
        openReport: (caseId) => {
          navigate({ name: "supervisor", page: { name: "report", caseId } });
        },
        currentCaseId: () => {
          const current = router.getState().route;
          return current.name === "case" ? current.caseId : null;
        },
        describe: (alert) =>
          alert.kind === "assignment"
            ? {
                title: t("app.alertAssignedTitle"),
                body: t("app.alertAssignedBody", { reference: alert.reference }),
              }
            : alert.kind === "sla-warning"
              ? {
                  title: t("app.alertWarningTitle"),
                  body: t("app.alertWarningBody", {
                    reference: alert.reference,
                    due: new Date(alert.dueAt),
                  }),
                }
              : alert.reason === "evidence_deadline_passed"
                ? {
                    title: t("lifecycle.alertLapsedTitle"),
                    body: t("lifecycle.alertLapsedBody", { reference: alert.reference }),
                  }
                : {
                    title: t("lifecycle.alertVerificationTitle"),
                    body: t("lifecycle.alertVerificationBody", { reference: alert.reference }),
                  },
      }),
    [platform, data, user, attention, open, navigate, router, t],
  );
  // A 412 stops its case's outbox until the agent chooses: shown on every screen, never dropped.
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  useEffect(() => data.observeConflicts(setConflicts), [data]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <span className="brand">Arbiter Desk</span>
        <SyncStatus store={data.status} labels={syncLabels} locale={format.language} />
        <span className="who">
          {user.displayName} · {t(`roleName.${user.role}`)}
        </span>
        {user.role === "agent" ? <AvailabilitySwitch api={routing} userId={user.id} /> : null}
        {user.role === "supervisor" ? <SupervisorNavLink /> : null}
        <a className="link-button" href="#/settings">
          {t("app.settings")}
        </a>
        <LanguageSwitcher />
        <button type="button" className="link-button" onClick={() => void onSignOut()}>
          {t("app.signOut")}
        </button>
      </header>
      <main className="content" id="main">
        <AttentionNotices store={attention} onOpen={open} />
        <ConflictList
          conflicts={conflicts}
          onResolve={(seq, how) => data.resolveConflict(seq, how)}
        />
        {route.name === "supervisor" ? (
          <SupervisorArea route={route.page} data={data} user={user} services={supervisor} />
        ) : route.name === "settings" ? (
          <SettingsScreen store={settings} />
        ) : route.name === "case" ? (
          <CaseWorkspace
            store={workstation.caseStore}
            evidence={workstation.evidence}
            userId={user.id}
            userRole={user.role}
            canRevealContacts={user.role === "supervisor"}
            onBack={back}
            onNext={next}
            onPrevious={previous}
            presence={workstation.presence}
            partyContext={partyContext}
            onOpenCase={open}
            replies={data.replies}
            attachments={data}
          />
        ) : (
          <QueueScreen
            store={workstation.queue}
            userId={user.id}
            canReassign={user.role === "supervisor"}
            onOpen={open}
            presence={workstation.presence}
            attention={attention}
            userNames={userNames}
            team={team}
            {...(workstation.serverSearch ? { serverSearch: workstation.serverSearch } : {})}
          />
        )}
      </main>
    </div>
  );
}

export function App({ services }: { services: Services }) {
  const [i18n] = useState(() => createI18n());
  const [router] = useState(() => createRouter());
  const [supervisor] = useState(() =>
    createSupervisorServices({
      platform: services.platform,
      call: services.api.call,
    }),
  );
  const { status, user, restore } = useStore(services.auth);
  const { data } = useStore(services.desk);
  const presenceApi = useMemo<PresenceApi>(
    () => ({
      announce: services.api.announcePresence,
      leaveOnExit: services.api.leavePresenceOnExit,
      eventStream: services.api.eventStream,
    }),
    [services.api],
  );
  const searchApi = useMemo<WorkstationSearch>(
    () => ({
      fetchDocuments: (ids) => services.api.searchDocuments(ids),
      searchServer: (q, signal) => services.api.search(q, 50, signal),
    }),
    [services.api],
  );
  const partyContext = useMemo(() => createPartyContextApi(services.api), [services.api]);
  const routing = useMemo(() => createRoutingApi(services.api.call), [services.api]);
  useEffect(() => {
    void restore();
  }, [restore]);
  useEffect(() => startSessionRefresh(services.auth, window), [services.auth]);

  let body: React.ReactNode;
  if (status === "restoring") body = <p className="splash">Arbiter Desk…</p>;
  else if (status !== "signed-in" || !user) body = <LoginScreen store={services.auth} />;
  else if (!data) body = <p className="splash">Arbiter Desk…</p>;
  else
    body = (
      <>
        <Desk
          data={data}
          user={user}
          router={router}
          onSignOut={async () => {
            // Signing out wipes this user's cache, outbox included: never without the agent's word.
            const desk = services.desk.getState();
            const risk = await desk.signOutRisk();
            if (
              risk.pending + risk.conflicts > 0 &&
              !window.confirm(i18n.t("app.signOutPending"))
            ) {
              return;
            }
            await desk.signOut();
          }}
          supervisor={supervisor}
          platform={services.platform}
          presenceApi={presenceApi}
          searchApi={searchApi}
          partyContext={partyContext}
          routing={routing}
        />
        {/* Over the desk, which stays as it was: a 401 asks for the password again in place. */}
        <ReauthDialog key={user.id} store={services.auth} />
      </>
    );
  return <I18nextProvider i18n={i18n}>{body}</I18nextProvider>;
}
