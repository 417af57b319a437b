import type { User } from "@shared/domain/user";
import { expect, test, vi } from "vitest";
import type { ApiCall } from "../../../../renderer/src/api/call";
import { createMemoryPlatform } from "../../../../renderer/src/platform/memory-platform";
import { createStaffStore } from "../../../../renderer/src/supervisor/staff-store";
import { createSupervisorServices } from "../../../../renderer/src/supervisor/supervisor-services";

const ANNA: User = { id: "u-agent1", username: "agent1", displayName: "Anna Tran", role: "agent" };

test("the staff store names the team by id, and a failed load keeps the last list", async () => {
  const users = vi.fn().mockResolvedValueOnce([ANNA]).mockRejectedValueOnce(new Error("offline"));
  const store = createStaffStore({ users });
  await store.getState().load();
  expect(store.getState().names).toEqual({ "u-agent1": "Anna Tran" });
  await expect(store.getState().load()).rejects.toThrow("offline");
  expect(store.getState().staff).toEqual([ANNA]);
});

test("a shell that prints the page as a file saves the report that way, with no platform check in the screen", async () => {
  const { platform, recorded } = createMemoryPlatform();
  const services = createSupervisorServices({ platform, call: vi.fn() as unknown as ApiCall });
  const sealed = { reference: "AD-1" } as Parameters<typeof services.saveReport>[1];
  const path = await services.saveReport(
    {} as Parameters<typeof services.saveReport>[0],
    sealed,
    {} as Parameters<typeof services.saveReport>[2],
  );
  expect(path).toBe("/memory/AD-1-report.pdf");
  expect(recorded.savedPdfs).toEqual([{ fileName: "AD-1-report.pdf", bytes: 0 }]);
});
