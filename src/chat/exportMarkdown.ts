/** A conversation as Markdown, for export. Holds only what the conversation holds: never a key. */
import { redactText } from '../net/redact';
import type { Conversation, Reply } from '../protocol/model';
import { attachmentBlock, attachmentLocation } from './assembleMessage';

function replyHeading(reply: Reply): string {
  const parts = [reply.providerLabel, reply.model].filter((p): p is string => Boolean(p));
  return `### ${parts.join(' · ')}`;
}

function replyFooter(reply: Reply): string | undefined {
  const bits: string[] = [];
  if (reply.promptTokens !== undefined || reply.outputTokens !== undefined || reply.totalTokens !== undefined) {
    const total = reply.totalTokens !== undefined ? ` / ${reply.totalTokens} total` : '';
    bits.push(`tokens: ${reply.promptTokens ?? '?'} in / ${reply.outputTokens ?? '?'} out${total}`);
  }
  if (reply.ttftMs !== undefined) bits.push(`first token after ${reply.ttftMs} ms`);
  if (reply.status !== 'done') bits.push(reply.status);
  return bits.length > 0 ? `*${bits.join(' · ')}*` : undefined;
}

export function conversationToMarkdown(conversation: Conversation): string {
  const out: string[] = [`# ${conversation.title}`, ''];
  for (const turn of conversation.turns) {
    out.push('## You', '');
    if (turn.displayText !== undefined && turn.displayText !== turn.prompt) out.push(`*${turn.displayText}*`, '');
    out.push(turn.prompt, '');
    // Attachments exactly as they were sent (fenced, so their text stays text).
    for (const attachment of turn.attachments ?? []) out.push(`**Attached:** \`${attachmentLocation(attachment).replace(/`/g, "'")}\``, '', attachmentBlock(attachment), '');
    for (const note of [...turn.notes, ...(turn.contextNotes ?? [])]) out.push(`> ${note}`, '');
    const reply = turn.reply;
    if (!reply) continue;
    out.push(replyHeading(reply), '', reply.text, '');
    if (reply.error) out.push(`> **Error (${reply.error.code}):** ${redactText(reply.error.message)}`, '');
    const footer = replyFooter(reply);
    if (footer) out.push(footer, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
