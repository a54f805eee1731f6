/**
 * CloudFront Function (viewer request) that resolves directory URLs the way the local site
 * server does: `/a/b/` → key `a/b/index.html`; `/a/b` (no extension) → 301 to `/a/b/`.
 * An S3 REST origin behind OAC has no index documents of its own. `/api/*` never runs it.
 */
export const DIRECTORY_INDEX_CODE = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    var query = '';
    var names = Object.keys(request.querystring || {});
    if (names.length > 0) {
      query = '?' + names.map(function (name) {
        var value = request.querystring[name].value;
        return value === '' ? name : name + '=' + value;
      }).join('&');
    }
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' + query } } };
  }
  return request;
}
`.trim();
