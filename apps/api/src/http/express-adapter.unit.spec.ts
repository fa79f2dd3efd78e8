import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrototypedExpressAdapter } from './express-adapter.js';

describe('PrototypedExpressAdapter', () => {
  it("builds requests and responses with Express's prototypes, so Express need not change them", async () => {
    const app = express();
    const adapter = new PrototypedExpressAdapter(app);
    adapter.initHttpServer({});
    const server = adapter.getHttpServer() as http.Server;
    const seen: boolean[] = [];
    // Runs before Express does, on the objects as Node built them.
    server.prependListener('request', (request, response) => {
      seen.push(
        Object.getPrototypeOf(request) === app.request &&
          Object.getPrototypeOf(response) === app.response,
      );
    });
    app.use(express.json());
    app.post('/echo', (request, response) => {
      response.status(201).json({ body: request.body as unknown, path: request.path });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ a: [1, 2] }),
      });
      expect(answer.status).toBe(201);
      expect(await answer.json()).toEqual({ body: { a: [1, 2] }, path: '/echo' });
      expect(seen).toEqual([true]);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('keeps Nest’s own server for the options this app does not use', () => {
    const adapter = new PrototypedExpressAdapter(express());
    adapter.initHttpServer({ forceCloseConnections: true });
    expect(adapter.getHttpServer()).toBeInstanceOf(http.Server);
  });
});
