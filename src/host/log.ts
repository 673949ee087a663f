/**
 * Parley's LogOutputChannel. Every line passes through redaction with the
 * keys known in this session before it is written.
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../chat/redactSecrets';

export class ParleyLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor(private readonly secrets: () => Iterable<string>) {
    this.channel = vscode.window.createOutputChannel('Parley', { log: true });
  }

  redact(text: string): string {
    return redactSecrets(text, this.secrets());
  }

  info(text: string): void {
    this.channel.info(this.redact(text));
  }

  warn(text: string): void {
    this.channel.warn(this.redact(text));
  }

  error(text: string): void {
    this.channel.error(this.redact(text));
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
