// The pages' own script (no inline script: the content security policy allows scripts from the platform only).
// htmx requests carry the session's CSRF token, as the forms do.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name=_csrf]");
  var header = document.querySelector("meta[name=_csrf_header]");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
