import assert from 'node:assert/strict';
import { mapConversation } from '../../../src/providers/emma';

describe('Emma conversation mapping (edge cases)', () => {
  it('a user turn that got no answer is kept with an empty assistant', () => {
    const { message, history } = mapConversation([
      { role: 'user', content: 'prima' },
      { role: 'user', content: 'seconda' },
    ]);
    assert.equal(message, 'seconda');
    assert.deepEqual(history, [{ user: 'prima', assistant: '' }]);
  });

  it('consecutive assistant messages are joined; a leading one gets an empty user', () => {
    const { history } = mapConversation([
      { role: 'assistant', content: 'Benvenuto!' },
      { role: 'user', content: 'ciao' },
      { role: 'assistant', content: 'parte 1' },
      { role: 'assistant', content: 'parte 2' },
      { role: 'user', content: 'e poi?' },
    ]);
    assert.deepEqual(history, [
      { user: '', assistant: 'Benvenuto!' },
      { user: 'ciao', assistant: 'parte 1\n\nparte 2' },
    ]);
  });

  it('messages after the last user message are not sent; several system messages are joined', () => {
    const { message, history } = mapConversation([
      { role: 'system', content: 'Sei conciso.' },
      { role: 'user', content: 'domanda' },
      { role: 'system', content: 'Rispondi in italiano.' },
      { role: 'assistant', content: 'risposta parziale' },
    ]);
    assert.equal(message, 'Sei conciso.\n\nRispondi in italiano.\n\ndomanda');
    assert.deepEqual(history, []);
  });
});
