import type { DeskAction } from "@shared/domain/desk-action";
import type {
  ContactRevealBody,
  ContactRevealResponse,
  PartyContacts,
} from "@shared/reports/contract";
import { createStore } from "zustand/vanilla";
import type { CaseView, DeskData } from "../desk-data";

/** A case as the data layer hands it over: cached detail with pending actions applied. */
export type CaseViewData = CaseView;

/** What the workspace needs from the data layer. */
export type CaseData = Pick<DeskData, "observeCase" | "enqueue">;

/**
 * The audited contact reveal (`POST /cases/:id/contact-reveal`): clear contacts come only from the
 * server, which records who asked and why before answering, so it needs the network by design.
 */
export type ContactRevealer = (
  caseId: string,
  body: ContactRevealBody,
) => Promise<ContactRevealResponse>;

// State
export interface CaseState {
  caseId: string | null;
  status: "idle" | "loading" | "ready" | "missing";
  view: CaseViewData | null;
  /** Epoch ms when the case was asked for and when it first showed: the "open from cache" time. */
  openedAt: number | null;
  shownAt: number | null;
  lastSubmitted: string | null;
  /** Clear contacts after an audited reveal; masked ones show until then. */
  contacts: PartyContacts[] | null;
  revealError: string | null;
}

// Actions
export interface CaseActions {
  open(id: string): void;
  close(): void;
  /** Writes the action to the outbox; it shows at once as pending and syncs in the background. */
  submit(action: DeskAction): Promise<void>;
  /** Asks the server for the clear contacts (audited); an error is kept for the panel to show. */
  revealContacts(reason: string): Promise<void>;
}

export function createCaseStore(
  data: CaseData,
  reveal: ContactRevealer | null = null,
  now: () => number = () => performance.now(),
) {
  let unsubscribe: (() => void) | null = null;
  return createStore<CaseState & CaseActions>()((set, get) => ({
    caseId: null,
    status: "idle",
    view: null,
    openedAt: null,
    shownAt: null,
    lastSubmitted: null,
    contacts: null,
    revealError: null,

    open(id) {
      if (get().caseId === id && unsubscribe) return;
      unsubscribe?.();
      set({
        caseId: id,
        status: "loading",
        view: null,
        openedAt: now(),
        shownAt: null,
        contacts: null,
        revealError: null,
      });
      unsubscribe = data.observeCase(id, (view) => {
        if (get().caseId !== id) return;
        if (!view) {
          set({ status: "missing", view: null });
          return;
        }
        // Fresher data replaces the view in place: same case, same layout, no reset of the scroll.
        set({ status: "ready", view, shownAt: get().shownAt ?? now() });
      });
    },

    close() {
      unsubscribe?.();
      unsubscribe = null;
      set({
        caseId: null,
        status: "idle",
        view: null,
        openedAt: null,
        shownAt: null,
        contacts: null,
        revealError: null,
      });
    },

    async submit(action) {
      const id = get().caseId;
      if (!id) return;
      await data.enqueue(id, action);
      set({ lastSubmitted: action.type });
    },

    async revealContacts(reason) {
      const id = get().caseId;
      if (!id || !reveal) return;
      try {
        const answer = await reveal(id, { purpose: "contact_party", reason });
        if (get().caseId === id) set({ contacts: answer.contacts, revealError: null });
      } catch (error) {
        if (get().caseId === id) {
          set({ revealError: error instanceof Error ? error.message : String(error) });
        }
      }
    },
  }));
}

export type CaseStore = ReturnType<typeof createCaseStore>;
