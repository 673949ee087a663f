import assert from 'node:assert/strict';
import { modelOf, uniqueId, withModel } from '../../../src/chat/profilePresets';

describe('profile presets and models', () => {
  it('reads and sets Emma\'s model through options.modelKey, others through model', () => {
    assert.equal(modelOf({ id: 'e', kind: 'emma' }), 'emma-5');
    const emma = withModel({ id: 'e', kind: 'emma', options: { useRag: false } }, 'emma-3');
    assert.deepEqual(emma.options, { useRag: false, modelKey: 'emma-3' });
    assert.equal(modelOf(emma), 'emma-3');
    assert.equal(withModel({ id: 'o', kind: 'openai-compatible', model: 'spark-v2' }, 'SparkDesk-v4.0').model, 'SparkDesk-v4.0');
  });

  it('finds a free id', () => {
    assert.equal(uniqueId('emma', ['secondme']), 'emma');
    assert.equal(uniqueId('emma', ['emma', 'emma-2']), 'emma-3');
  });
});
