// A node:test reporter that ends the run with one line per engine: journeys run, passed and
// failed, and how long the engine's suite took (each engine is one top-level suite, and the
// engines run one after the other), then what each engine said about itself (diagnostics).
export default async function* summary(source) {
  const rows = [];
  let pending = { journeys: 0, passed: 0, failed: 0, notes: [] };
  for await (const { type, data } of source) {
    if (type === 'test:diagnostic' && data.nesting > 0) pending.notes.push(data.message);
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.nesting === 1 && !data.skip) {
      pending.journeys += 1;
      pending[type === 'test:pass' ? 'passed' : 'failed'] += 1;
    } else if (data.nesting === 0 && data.details.type === 'suite') {
      rows.push({ name: data.name, ms: data.details.duration_ms, ...pending });
      pending = { journeys: 0, passed: 0, failed: 0, notes: [] };
    } else if (data.nesting === 0 && type === 'test:fail') {
      // A test file as a whole: it failed before (or after) its engine's suite ran.
      const name = data.name.replace(/^.*\//, '').replace(/\.test\.mjs$/, '');
      if (!rows.some((row) => row.name === name)) {
        rows.push({ name, ms: data.details.duration_ms, ...pending, failed: pending.failed + 1 });
        pending = { journeys: 0, passed: 0, failed: 0, notes: [] };
      }
    }
  }
  const cell = (value, width) => String(value).padStart(width);
  yield '\nengine      journeys  passed  failed      time\n';
  for (const e of rows) {
    const time = `${(e.ms / 1000).toFixed(1)} s`;
    yield `${e.name.padEnd(10)} ${cell(e.journeys, 9)} ${cell(e.passed, 7)} ${cell(e.failed, 7)} ${cell(time, 9)}\n`;
  }
  for (const e of rows) for (const note of e.notes) yield `  ${e.name}: ${note}\n`;
}
