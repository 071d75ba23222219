// Forms on cached pages carry no CSRF token: the page is the same for every reader. When such a
// form (one with the cache_safe_form marker) is first focused or sent, this fetches a token for
// this reader and adds it. Without it the form still works: the server asks to send it again.
(function () {
  "use strict";
  // Each form on the page includes this script; one copy listens for all of them.
  if (document.documentElement.hasAttribute("data-cache-safe-forms")) return;
  document.documentElement.setAttribute("data-cache-safe-forms", "");

  var MARKER = 'input[name="cache_safe_form"]';
  var TOKEN = 'input[name="csrfmiddlewaretoken"]';
  var pending = new WeakMap();

  function addHidden(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function addToken(form) {
    if (!pending.has(form)) {
      var url = form.querySelector(MARKER).dataset.tokenUrl;
      pending.set(form, fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (answer) {
          if (!answer || form.querySelector(TOKEN)) return;
          addHidden(form, "form_started", answer.started);
          addHidden(form, "csrfmiddlewaretoken", answer.token);
        })
        .catch(function () { /* sent without: the send-again page takes over */ }));
    }
    return pending.get(form);
  }

  function markedForm(element) {
    var form = element && (element.form || (element.closest && element.closest("form")));
    return form && form.querySelector(MARKER) ? form : null;
  }

  document.addEventListener("focusin", function (event) {
    var form = markedForm(event.target);
    if (form) addToken(form);
  });

  document.addEventListener("submit", function (event) {
    var form = markedForm(event.target);
    if (!form || form.querySelector(TOKEN)) return;
    event.preventDefault();
    var submitter = event.submitter;
    addToken(form).then(function () {
      var token = form.querySelector(TOKEN);
      // requestSubmit keeps the pressed button's name and value but comes back through this
      // handler, so only once the token is in; submit() sends the form as it is.
      if (token && form.requestSubmit) form.requestSubmit(submitter);
      else form.submit();
    });
  });
})();
