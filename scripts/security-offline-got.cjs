// Stand-in for `got` inside electronegativity (see security-electronegativity.cjs): every request
// fails at once, so the security scan is offline and does not wait on timeouts.
'use strict';

function offline(url) {
  return Promise.reject(new Error(`offline: electronegativity wanted ${String(url)}`));
}
offline.head = offline;
offline.get = offline;
module.exports = offline;
module.exports.default = offline;
