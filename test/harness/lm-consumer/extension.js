// A tiny third-party extension, loaded next to Parley by the integration
// runner (a second extensionDevelopmentPath). It knows nothing of Parley but
// the vendor name: it finds Parley's models with vscode.lm.selectChatModels and
// talks to them with sendRequest, exactly as any other extension would. The
// integration tests drive it through the API activate() returns.
const vscode = require('vscode');

/** Reads a response to its end: text parts joined, tool calls kept, the error (code + message) if it failed. */
async function readResponse(response) {
  let text = '';
  const toolCalls = [];
  for await (const part of response.stream) {
    if (part instanceof vscode.LanguageModelTextPart) text += part.value;
    else if (part instanceof vscode.LanguageModelToolCallPart) toolCalls.push({ callId: part.callId, name: part.name, input: part.input });
  }
  return { text, toolCalls };
}

function activate(context) {
  return {
    /** The Parley models this extension can see. */
    async models() {
      const models = await vscode.lm.selectChatModels({ vendor: 'parley' });
      return models.map((m) => ({ id: m.id, name: m.name, vendor: m.vendor, family: m.family, maxInputTokens: m.maxInputTokens }));
    },
    /**
     * Sends one question to the Parley model with this id. Returns the reply
     * text, or the error as { code, message } (a LanguageModelError crosses the
     * extension boundary with its code), and whether VS Code's access check
     * (the consent state for this extension) allows the request.
     */
    async ask(modelId, question) {
      const [model] = await vscode.lm.selectChatModels({ vendor: 'parley', id: modelId });
      if (!model) return { error: { code: 'NoModel', message: `no Parley model with id ${modelId}` } };
      const canSendRequest = context.languageModelAccessInformation.canSendRequest(model);
      try {
        const response = await model.sendRequest([vscode.LanguageModelChatMessage.User(question)], {
          justification: 'The Parley integration tests check that other extensions can use Parley models.',
        });
        return { canSendRequest, ...(await readResponse(response)) };
      } catch (error) {
        const isLmError = error instanceof vscode.LanguageModelError;
        return { canSendRequest, error: { code: isLmError ? error.code : 'NotALanguageModelError', message: String(error && error.message) } };
      }
    },
  };
}

module.exports = { activate };
