/**
 * Parley's LogOutputChannel. Every line passes through redaction with the
 * keys known in this session before it is written.
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../chat/redactSecrets';

/** How many recent (already redacted) lines are kept in memory for tests and diagnostics. */
const RECENT_LINES = 500;

export class ParleyLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly recentLines: string[] = [];

  constructor(private readonly secrets: () => Iterable<string>) {
    this.channel = vscode.window.createOutputChannel('Parley', { log: true });
  }

  redact(text: string): string {
    return redactSecrets(text, this.secrets());
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
