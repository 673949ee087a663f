// A loopback HTTP endpoint that receives the integration suite's report
// (POST JSON, once). Port chosen by the OS.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SuiteReport } from '../integration/support/report';
import { onCleanup } from './cleanup';

export interface ReportServer {
  url: string;
  /** Resolves with the first report posted. */
  report: Promise<SuiteReport>;
  stop(): Promise<void>;
}

export async function startReportServer(): Promise<ReportServer> {
  let deliver: (report: SuiteReport) => void = () => undefined;
  const report = new Promise<SuiteReport>((resolve) => (deliver = resolve));
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SuiteReport);
        response.writeHead(204).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = onCleanup('report server', () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { url: `http://127.0.0.1:${port}/report`, report, stop };
}
