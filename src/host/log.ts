/**
 * Parley's LogOutputChannel. Every line passes through the one redaction
 * (net/redact: stored keys, credentials in URLs and headers) before it is written.
 */
import * as vscode from 'vscode';
import { redactText } from '../net/redact';

/** How many recent (already redacted) lines are kept in memory for tests and diagnostics. */
const RECENT_LINES = 500;

export class ParleyLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly recentLines: string[] = [];

  constructor() {
    this.channel = vscode.window.createOutputChannel('Parley', { log: true });
  }

  /** The one redaction (net/redact), for every text a command shows, saves or exports. */
  redact(text: string): string {
    return redactText(text);
  }

  info(text: string): void {
    this.channel.info(this.keep(text));
  }

  warn(text: string): void {
    this.channel.warn(this.keep(text));
  }

  error(text: string): void {
    this.channel.error(this.keep(text));
  }

  /** The last lines written, exactly as they went to the channel. */
  recent(): string[] {
    return [...this.recentLines];
  }

  private keep(text: string): string {
    const line = this.redact(text);
    this.recentLines.push(line);
    if (this.recentLines.length > RECENT_LINES) this.recentLines.shift();
    return line;
  }

  /** The sink handed to providers as ProviderDeps.log. */
  readonly sink = (line: string): void => this.info(line);

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
