import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import http from 'node:http';

/**
 * Constructors for Node's HTTP server whose objects are born with Express's request and
 * response prototypes (which extend Node's). Express gives every request and response those
 * prototypes with Object.setPrototypeOf when it starts handling them; on an object Node has
 * already built and used that changes its hidden class, and every later access to it in Node's
 * HTTP code and the app's middleware runs through slower, unspecialised paths. An object that
 * has that prototype from the start makes Express's call a no-op: the same objects, the same
 * behaviour, less CPU per request.
 */
export const expressPrototypedServerOptions = (app: Express): http.ServerOptions | undefined => {
  // Node's constructors are plain functions, called on the object `new` made (as Node's own
  // subclasses do); the same through Reflect.construct measured no gain. Should a Node make
  // them classes, which cannot be called so, its server is used as it is.
  if ([http.IncomingMessage, http.ServerResponse].some(isClass)) return undefined;
  const IncomingMessage = http.IncomingMessage as unknown as (...args: unknown[]) => void;
  const ServerResponse = http.ServerResponse as unknown as (...args: unknown[]) => void;
  function Request(this: http.IncomingMessage, socket: unknown): void {
    IncomingMessage.call(this, socket);
  }
  Request.prototype = app.request;
  function Response(this: http.ServerResponse, request: unknown, options: unknown): void {
    ServerResponse.call(this, request, options);
  }
  Response.prototype = app.response;
  return {
    IncomingMessage: Request as unknown as typeof http.IncomingMessage,
    ServerResponse: Response as unknown as typeof http.ServerResponse,
  };
};

const isClass = (constructor: unknown): boolean =>
  /^class\b/.test(Function.prototype.toString.call(constructor));

/** Nest's Express adapter, with an HTTP server that builds Express's requests and responses. */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    // The options this app does not use keep Nest's own server set-up.
    if (options?.httpsOptions || options?.return503OnClosing || options?.forceCloseConnections) {
      super.initHttpServer(options);
      return;
    }
    const app = this.getInstance<Express>();
    const serverOptions = expressPrototypedServerOptions(app);
    if (!serverOptions) {
      super.initHttpServer(options);
      return;
    }
    this.httpServer = http.createServer(serverOptions, app);
  }
}
