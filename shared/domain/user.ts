import { z } from "zod";

export const Role = z.enum(["agent", "supervisor"]);
export type Role = z.infer<typeof Role>;

export const UserId = z.string().min(1).max(64);
export type UserId = z.infer<typeof UserId>;

export const User = z.object({
  id: UserId,
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(120),
  role: Role,
});
export type User = z.infer<typeof User>;
