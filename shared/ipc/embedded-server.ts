import { z } from "zod";

/**
 * The messages between the Electron main process and the embedded server it starts as a child
 * (`server/embedded.ts`): one schema each way, read by both sides, so neither re-spells them.
 */

/** Child → parent: listening on a loopback port, or failed to start (with why). */
export const EmbeddedServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("listening"), port: z.number().int().min(1).max(65_535) }),
  z.object({ type: z.literal("failed"), message: z.string() }),
]);
export type EmbeddedServerMessage = z.infer<typeof EmbeddedServerMessage>;

/** Parent → child: stop serving and exit. */
export const EmbeddedServerCommand = z.object({ type: z.literal("stop") });
export type EmbeddedServerCommand = z.infer<typeof EmbeddedServerCommand>;
