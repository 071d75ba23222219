// The comment form, enhanced: filled from the reader's own "remember me" cookie (never by the
// server), moved under a comment to reply, and sent in place without a reload. Without this
// script every part still works as plain links and forms.
(function () {
  "use strict";
  if (document.documentElement.hasAttribute("data-discussion")) return;
  document.documentElement.setAttribute("data-discussion", "");

  var REMEMBER = "herald_comment_author";

  function remembered() {
    var found = document.cookie.split("; ").filter(function (c) {
      return c.indexOf(REMEMBER + "=") === 0;
    })[0];
    if (!found) return null;
    try {
      return JSON.parse(decodeURIComponent(found.slice(REMEMBER.length + 1)));
    } catch (error) {
      return null;
    }
  }

  function fill(form) {
    var saved = remembered();
    if (!saved) return;
    ["name", "email", "website"].forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && saved[name]) input.value = saved[name];
    });
    if (form.elements.remember) form.elements.remember.checked = true;
  }

  function setUp() {
    var respond = document.getElementById("respond");
    if (!respond) return;
    var form = respond.querySelector("form.comment-form");
    var home = respond.parentNode;
    var marker = respond.nextSibling;
    var cancel = document.getElementById("cancel-reply");
    var title = document.getElementById("reply-title");
    var titleText = title.firstChild.nodeValue;
    fill(form);

    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.reply-link");
      if (!link) return;
      event.preventDefault();
      var item = document.getElementById("comment-" + link.dataset.parent);
      item.querySelector("article").after(respond);
      form.elements.parent.value = link.dataset.parent;
      title.firstChild.nodeValue = "Reply to " + item.querySelector(".comment-author").textContent + " ";
      cancel.hidden = false;
      form.elements.body.focus();
    });

    cancel.addEventListener("click", function (event) {
      event.preventDefault();
      home.insertBefore(respond, marker);
      form.elements.parent.value = "";
      title.firstChild.nodeValue = titleText;
      cancel.hidden = true;
    });

    form.addEventListener("submit", function (event) {
      // forms.js adds the token first and sends again; only then is it ours to send.
      if (!form.querySelector('input[name="csrfmiddlewaretoken"]')) return;
      event.preventDefault();
      var message = form.querySelector("[data-message]");
      form.querySelectorAll(".error[data-live]").forEach(function (e) { e.remove(); });
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      }).then(function (response) {
        return response.json().then(function (answer) { return [response.status, answer]; });
      }).then(function (result) {
        var status = result[0], answer = result[1];
        if (status === 201) {
          var list = form.elements.parent.value
            ? document.getElementById("comment-" + form.elements.parent.value)
            : document.querySelector("#comments .comment-list");
          if (!list) {
            list = document.createElement("ol");
            list.className = "comment-list";
            home.insertBefore(list, respond);
          } else if (form.elements.parent.value) {
            var children = list.querySelector(":scope > ol.children");
            if (!children) {
              children = document.createElement("ol");
              children.className = "children";
              list.appendChild(children);
            }
            list = children;
          }
          list.insertAdjacentHTML("beforeend", answer.html);
          form.elements.body.value = "";
          message.hidden = false;
          message.textContent = answer.status === "approved" ? "Your comment is published." : "Your comment is awaiting moderation.";
          cancel.click();
          document.getElementById("comment-" + answer.id).scrollIntoView();
          return;
        }
        message.hidden = false;
        message.textContent = answer.message || "Your comment could not be sent.";
        Object.keys(answer.errors || {}).forEach(function (name) {
          var input = form.elements[name];
          if (!input) return;
          var error = document.createElement("span");
          error.className = "error";
          error.setAttribute("data-live", "");
          error.id = "id_" + name + "-error";
          error.textContent = answer.errors[name].join(" ");
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", error.id);
          input.after(error);
        });
      }).catch(function () {
        message.hidden = false;
        message.textContent = "Your comment could not be sent. Check your connection and try again.";
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
