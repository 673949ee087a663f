/**
 * Parley's profiles as VS Code language models (vscode.lm): the
 * LanguageModelChatProvider registered for vendor "parley". Requests go
 * through createProvider — the same provider layer, network layer and key
 * store as the chat view; there is no second HTTP path.
 */
import * as vscode from 'vscode';
import { withModel } from '../profiles/models';
import { ProviderError } from '../net/errors';
import { errorText } from '../net/errorTexts';
import { temperatureRange } from '../profiles/ranges';
import type { ChatProvider, ChatRequest, ProviderDeps, ProviderProfile } from '../providers/types';
import { AppendOnlyText } from './appendOnly';
import { toLanguageModelError } from './errors';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './limits';
import { messageText, toChatMessages } from './messages';
import { modelInformation, modelsOfProfile, parseModelId, toolCallingOf, type ParleyModelInformation } from './modelInfo';

/** What the language models need from the host (HostProviderSource fits). */
export interface LmProviderSource {
  list(): ProviderProfile[];
  deps(): ProviderDeps;
  /** True when a request could go out without asking the user anything. */
  isReady(profile: ProviderProfile): Promise<boolean>;
  /** Asks for what the profile lacks (API key, instance id); false when the user cancelled. */
  ensureReady(profile: ProviderProfile): Promise<boolean>;
  /** The endpoint's model list (GET /models, cached); undefined when it has none. Never prompts. */
  loadModels(profile: ProviderProfile): Promise<string[] | undefined>;
  onDidChange(listener: () => void): { dispose(): void };
}

export interface LmLog {
  info(line: string): void;
  warn(line: string): void;
  redact(text: string): string;
}

export type ProviderFactory = (profile: ProviderProfile, deps: ProviderDeps) => ChatProvider;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export class ParleyChatModels implements vscode.LanguageModelChatProvider<ParleyModelInformation>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly source: LmProviderSource,
    private readonly createProvider: ProviderFactory,
    private readonly log: LmLog,
  ) {
    // Profiles, keys and discovered model lists all change through the source.
    this.subscription = source.onDidChange(() => this.changed.fire());
  }

  /**
   * Silent (VS Code's own lookups, selectChatModels): only profiles that are
   * ready — key stored where one is needed, SecondMe instance id set — and
   * nothing ever prompts. Not silent (the user opened the model manager): all
   * valid profiles; one without its key asks for it at its first request.
   */
  async provideLanguageModelChatInformation(
    options: vscode.PrepareLanguageModelChatModelOptions,
    token: vscode.CancellationToken,
  ): Promise<ParleyModelInformation[]> {
    // Profiles are looked at side by side: one slow /models endpoint does not hold up the others.
    const perProfile = await Promise.all(
      this.source.list().map(async (profile) => {
        const ready = await this.source.isReady(profile);
        if ((!ready && options.silent) || token.isCancellationRequested) return [];
        const discovered = ready && profile.kind === 'openai-compatible' ? await this.source.loadModels(profile) : undefined;
        return modelInformation(profile, modelsOfProfile(profile, discovered), ready);
      }),
    );
    return perProfile.flat();
  }

  async provideLanguageModelChatResponse(
    model: ParleyModelInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const profile = this.profileFor(model.id);
    const tag = `lm ${model.id}`;
    if (!(await this.source.isReady(profile)) && !(await this.source.ensureReady(profile)))
      throw vscode.LanguageModelError.NoPermissions(
        vscode.l10n.t('{0} needs an API key: run "Parley: Set API Key" for profile "{1}".', model.name, profile.id),
      );
    const current = this.profileFor(model.id); // ensureReady may have added the instance id
    const request = this.buildRequest(current, messages, options, tag);
    // SecondMe's "model" is its instance: nothing to switch.
    const chosen = current.kind === 'secondme' ? current : withModel(current, model.model);
    const provider = this.createProvider(chosen, this.source.deps());

    const controller = new AbortController();
    const cancellation = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    const text = new AppendOnlyText();
    let usage = '';
    this.log.info(`${tag}: request with ${request.messages.length} message(s)${request.tools ? `, ${request.tools.length} tool(s)` : ''}`);
    try {
      for await (const event of provider.streamChat(request, controller.signal)) {
        if (token.isCancellationRequested) break;
        if (event.type === 'delta' || event.type === 'replace') {
          const step = event.type === 'delta' ? text.delta(event.text) : text.replace(event.text);
          if (step.divergence) this.log.warn(`${tag}: ${step.divergence}`);
          if (step.append) progress.report(new vscode.LanguageModelTextPart(step.append));
        } else if (event.type === 'toolCall') {
          progress.report(new vscode.LanguageModelToolCallPart(event.id, event.name, event.input));
        } else if (event.type === 'usage') {
          usage = `prompt ${event.promptTokens ?? '?'} tokens, output ${event.outputTokens ?? '?'} tokens`;
        } else if (event.type === 'done') {
          this.log.info(`${tag}: done${event.finishReason ? ` (${event.finishReason})` : ''}${usage ? `; usage: ${usage}` : ''}`);
        }
      }
    } catch (error) {
      if (token.isCancellationRequested) {
        this.log.info(`${tag}: cancelled by the caller`);
        return;
      }
      const lmError = toLanguageModelError(error, (t) => this.log.redact(t));
      this.log.warn(`${tag}: failed (${lmError.code || 'Unknown'}): ${lmError.message}`);
      throw lmError;
    } finally {
      cancellation.dispose();
      controller.abort(); // closes the connection if the loop was left early
    }
    if (token.isCancellationRequested) this.log.info(`${tag}: cancelled by the caller`);
  }

  async provideTokenCount(
    _model: ParleyModelInformation,
    text: string | vscode.LanguageModelChatRequestMessage,
    _token: vscode.CancellationToken,
  ): Promise<number> {
    if (typeof text === 'string') return estimateTokens(text);
    return estimateTokens(messageText(text)) + MESSAGE_OVERHEAD_TOKENS;
  }

  private profileFor(id: string): ProviderProfile {
    const parsed = parseModelId(id);
    const profile = parsed && this.source.list().find((p) => p.id === parsed.profileId);
    if (!profile)
      throw vscode.LanguageModelError.NotFound(
        vscode.l10n.t('Parley has no profile for the model "{0}" any more; it was removed or renamed in parley.providers.', id),
      );
    return profile;
  }

  private buildRequest(
    profile: ProviderProfile,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    tag: string,
  ): ChatRequest {
    const toolCalling = toolCallingOf(profile);
    const tools = options.tools ?? [];
    if (tools.length > 0 && !toolCalling) {
      if (options.toolMode === vscode.LanguageModelChatToolMode.Required)
        throw toLanguageModelError(
          new ProviderError('invalid_request', errorText('request.lmToolCallingOff', { profile: profile.id })),
          (t) => this.log.redact(t),
        );
      this.log.info(`${tag}: ${tools.length} tool(s) left out — tool calling is off for this profile`);
    }
    const mapped = toChatMessages(messages, toolCalling);
    if (mapped.skipped.length > 0) this.log.warn(`${tag}: left out parts Parley cannot send: ${mapped.skipped.join(', ')}`);
    const request: ChatRequest = { messages: mapped.messages, ...this.modelOptions(profile, options.modelOptions ?? {}, tag) };
    if (toolCalling && tools.length > 0) {
      request.tools = tools.map((t) => ({ name: t.name, description: t.description, ...(t.inputSchema ? { parameters: t.inputSchema } : {}) }));
      if (options.toolMode === vscode.LanguageModelChatToolMode.Required) request.toolChoice = 'required';
    }
    if (profile.kind === 'emma') {
      const turns = mapped.messages.filter((m) => m.role === 'user').length - 1;
      if (turns > 6) this.log.info(`${tag}: Emma keeps the last 6 turns of history; ${turns - 6} earlier turn(s) left out`);
    }
    return request;
  }

  /**
   * `temperature` and `maxTokens` (also `max_tokens`) from modelOptions, kept
   * within the API's documented range: a generic caller's value (e.g.
   * temperature 0 for Emma, whose minimum is 0.1) is moved to the nearest
   * allowed one and the log says so, rather than failing the request.
   */
  private modelOptions(profile: ProviderProfile, options: { readonly [name: string]: unknown }, tag: string): Partial<ChatRequest> {
    const out: Partial<ChatRequest> = {};
    const temperature = options.temperature;
    if (typeof temperature === 'number' && Number.isFinite(temperature)) {
      const range = temperatureRange(profile);
      out.temperature = clamp(temperature, range.min, range.max);
      if (out.temperature !== temperature) this.log.info(`${tag}: temperature ${temperature} moved to ${out.temperature} (range ${range.min}–${range.max})`);
    }
    const maxTokens = options.maxTokens ?? options.max_tokens;
    if (typeof maxTokens === 'number' && Number.isFinite(maxTokens)) out.maxTokens = Math.max(1, Math.floor(maxTokens));
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
