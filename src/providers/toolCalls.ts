/**
 * OpenAI `tool_calls`, as they arrive: streamed, each call's `id` and
 * `function.name` come in its first piece and `function.arguments` in any
 * number of pieces, matched by `index`; several calls may be interleaved in one
 * reply. The assembler joins the pieces and hands out complete ToolCalls with
 * their arguments parsed. Model output is untrusted: sizes are bounded and an
 * argument text that is not a JSON object is a `protocol` error.
 */
import { ProviderError } from '../net/errors';
import { errorText, type ErrorText } from '../net/errorTexts';
import type { ErrorContext } from './httpErrors';
import type { WireToolCall } from './openaiStyle.wire';
import type { ToolCall } from './types';

/** More calls than this in one reply is not a plausible answer. */
const MAX_CALLS = 64;
/** Arguments of one call larger than this (in UTF-16 units) are refused. */
const MAX_ARGUMENT_CHARS = 1024 * 1024;

interface PendingCall {
  id: string;
  name: string;
  arguments: string;
}

export class ToolCallAssembler {
  private readonly calls = new Map<number, PendingCall>();

  constructor(private readonly ctx: ErrorContext) {}

  /** Adds the pieces of one chunk (or the full calls of a plain completion). */
  add(pieces: readonly WireToolCall[]): void {
    pieces.forEach((piece, position) => {
      const index = piece.index ?? position;
      let call = this.calls.get(index);
      if (!call) {
        if (this.calls.size >= MAX_CALLS) throw this.protocol(errorText('protocol.tooManyToolCalls', { provider: this.ctx.label, max: MAX_CALLS }));
        call = { id: '', name: '', arguments: '' };
        this.calls.set(index, call);
      }
      if (piece.id) call.id = piece.id;
      // The name comes whole in the call's first piece (OpenAI); later pieces repeat it at most.
      if (piece.function?.name && !call.name) call.name = piece.function.name;
      if (piece.function?.arguments) {
        call.arguments += piece.function.arguments;
        if (call.arguments.length > MAX_ARGUMENT_CHARS) throw this.protocol(errorText('protocol.toolArgumentsTooLarge', { provider: this.ctx.label }));
      }
    });
  }

  get pending(): boolean {
    return this.calls.size > 0;
  }

  /** The complete calls in index order; empties the assembler. */
  finish(): ToolCall[] {
    const done = [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => this.complete(call));
    this.calls.clear();
    return done;
  }

  private complete(call: PendingCall): ToolCall {
    if (!call.id || !call.name) throw this.protocol(errorText('protocol.toolCallUnnamed', { provider: this.ctx.label }));
    let input: unknown;
    try {
      input = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
    } catch {
      throw this.protocol(errorText('protocol.toolArgumentsNotJson', { provider: this.ctx.label, tool: call.name }));
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw this.protocol(errorText('protocol.toolArgumentsNotObject', { provider: this.ctx.label, tool: call.name }));
    return { id: call.id, name: call.name, input: input as Record<string, unknown> };
  }

  private protocol(text: ErrorText): ProviderError {
    return new ProviderError('protocol', text);
  }
}
