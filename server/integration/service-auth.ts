import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { bearerToken } from "../http/auth";
import { HttpProblem } from "../http/problem";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * The integration side accepts only the platform's service token. Compared as hashes in constant
 * time, so neither the token's length nor a matching prefix leaks through timing.
 * 401 without a token; 403 for any other bearer (e.g. an agent's session token).
 */
export function requireService(request: FastifyRequest, serviceToken: string | undefined): void {
  const token = bearerToken(request);
  if (!token) {
    throw new HttpProblem(
      401,
      "Unauthorized",
      "Send the service token as 'Authorization: Bearer …'.",
    );
  }
  if (!serviceToken) {
    throw new HttpProblem(
      403,
      "Forbidden",
      "The integration API is off: SERVICE_TOKEN is not set.",
    );
  }
  if (!timingSafeEqual(digest(token), digest(serviceToken))) {
    throw new HttpProblem(403, "Forbidden", "The integration API takes the service token only.");
  }
}
