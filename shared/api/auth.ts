import { z } from "zod";
import { Instant } from "../domain/appeal";
import { User } from "../domain/user";

export const LoginRequest = z.object({
  username: z.string().trim().min(1, "Enter your username").max(64),
  password: z.string().min(1, "Enter your password").max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string().min(20),
  expiresAt: Instant,
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
