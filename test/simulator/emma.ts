/**
 * Emma: `POST /api/chat/stream`, `X-API-Key`, NDJSON reply
 * (`meta`, cumulative `update`s — incremental ones with the `incremental`
 * fault —, `done`, or `error`). Errors in FastAPI style,
 * messages in Italian like the service's own.
 */
import type { Exchange } from './context';
import { promptTokens } from './context';
import { stripMarkers, type GatewayFault, type StreamBehaviour } from './faults';
import { replyFor, splitPieces } from './replies';
import { emmaBody, fastApiDetail, FASTAPI_JSON_INVALID, type EmmaBody } from './validation';
import { sendHtmlError, sendJson, writeFrames } from './writer';

const OVERSIZE_BYTES = 1024 * 1024 + 4096;

export function sendGatewayFaultFastApi(ex: Exchange, fault: GatewayFault, unavailable: string): void {
  if (fault.kind === 'html') return sendHtmlError(ex.res, fault.status);
  if (fault.kind === 'rate-limit')
    return sendJson(ex.res, 429, { detail: 'Troppe richieste: riprova più tardi' }, { 'retry-after': fault.retryAfter });
  sendJson(ex.res, fault.status, { detail: unavailable });
}

export async function handleEmma(ex: Exchange): Promise<void> {
  const raw = ex.body as { message?: unknown } | undefined;
  const message = typeof raw?.message === 'string' ? raw.message : '';
  const { behaviour, gateway } = ex.faults(message);
  if (gateway) return sendGatewayFaultFastApi(ex, gateway, 'Servizio temporaneamente non disponibile');

  const key = ex.req.headers['x-api-key'];
  if (typeof key !== 'string' || key === '') return sendJson(ex.res, 401, { detail: 'API key mancante' });
  if (ex.config.keys.emmaNoCredit.includes(key)) return sendJson(ex.res, 402, { detail: 'Saldo crediti insufficiente' });
  if (!ex.config.keys.emma.includes(key)) return sendJson(ex.res, 401, { detail: 'API key non valida' });

  if (ex.jsonInvalid) return sendJson(ex.res, 422, FASTAPI_JSON_INVALID);
  const parsed = emmaBody.safeParse(ex.body);
  if (!parsed.success) return sendJson(ex.res, 422, fastApiDetail(parsed.error.issues));

  ex.res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-cache' });
  await writeFrames(ex.res, emmaFrames(parsed.data, behaviour), behaviour);
}

function line(event: unknown): string {
  return `${JSON.stringify(event)}\n`;
}

/** The NDJSON lines of one answer, with the content-level faults applied. */
export function emmaFrames(body: EmmaBody, behaviour: StreamBehaviour): string[] {
  const prompt = stripMarkers(body.message);
  const full = replyFor(prompt, behaviour.multibyte ? 'zh' : undefined);
  let pieces = splitPieces(full);
  if (body.max_new_tokens != null) pieces = pieces.slice(0, body.max_new_tokens);
  const history = body.use_history ? body.history.flatMap((t) => [t.user, t.assistant]) : [];
  const prompt_tokens = promptTokens([body.message, ...history]);

  const frames = [
    line({
      type: 'meta',
      prompt_tokens,
      mode: body.mode,
      model_key: body.model_key,
      preset: body.preset,
      rag_used: body.use_rag && /legge|costituzione|storia|italia/i.test(prompt),
      history_turns: history.length / 2,
    }),
  ];
  if (behaviour.unknownEvents) {
    frames.push(line({ type: 'heartbeat' }), '\n');
    frames.push(line({ type: 'sources', sources: [{ title: 'Costituzione italiana', url: 'https://www.senato.it' }] }));
  }

  // With `rewrite`, the first line is revised halfway through the stream.
  const rewriteAt = behaviour.rewrite ? Math.max(2, Math.floor(pieces.length / 2)) : Number.POSITIVE_INFINITY;
  const revise = (text: string) => text.replace(/^([^\n]*)/, '$1 (rivisto)');
  let text = '';
  pieces.forEach((piece, i) => {
    text += piece;
    const content = behaviour.incremental ? piece : i + 1 >= rewriteAt ? revise(text) : text;
    frames.push(line({ type: 'update', content }));
  });
  let response = pieces.length >= rewriteAt ? revise(text) : text;
  if (behaviour.doneDiffers) response = `${response.trimEnd()}\n\n— Emma`;
  frames.push(
    line({
      type: 'done',
      response,
      stats: { output_tokens: pieces.length, prompt_tokens, model_key: body.model_key, elapsed_ms: 42 * pieces.length },
    }),
  );

  if (behaviour.oversize) {
    frames.splice(2, 0, line({ type: 'update', content: 'x'.repeat(OVERSIZE_BYTES) }));
  }
  if (behaviour.malformedAfter !== undefined) frames.splice(behaviour.malformedAfter, 0, '{"type": "update", "content": "Ciao\n');
  if (behaviour.errorEvent) {
    const message = behaviour.errorEvent.message ?? 'Errore durante la generazione: il modello non è al momento disponibile';
    frames.splice(behaviour.errorEvent.after, frames.length, line({ type: 'error', message }));
  }
  return frames;
}
