import type { ApiHandlers, ApiKey, EndpointOf } from "@shared/api/contract";
import type { User } from "@shared/domain/user";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ParsedUpload } from "../evidence/upload";

/** What every handler gets besides its parsed input: the request and the reply. */
export interface RequestContext {
  request: FastifyRequest;
  /** For headers (ETag, Retry-After); a handler that sends the reply itself returns it. */
  reply: FastifyReply;
}

/** A handler of a `user` endpoint also gets the signed-in user (the roles already checked). */
export interface UserRequestContext extends RequestContext {
  user: User;
}

/** The context of `K`: with the user exactly where the contract says a user signed in. */
export type ContextOf<K extends ApiKey> =
  EndpointOf<K> extends { auth: "user" } ? UserRequestContext : RequestContext;

/**
 * A handler that answered by itself (a stream, a file, the mutation runner's stored answer, a
 * cached page) returns the reply it sent; any other return value is the body the registration
 * sends with the contract's status.
 */
export type Sent = FastifyReply;

/** Every handler of the server: `createApiHandlers` must return exactly this (the compiler checks). */
export type ServerHandlers = ApiHandlers<{ [K in ApiKey]: ContextOf<K> }, Sent, ParsedUpload>;

/** The handler of one key. */
export type ServerHandler<K extends ApiKey> = ServerHandlers[K];
