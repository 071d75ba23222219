// A video link becomes the player only when the reader clicks it; without JavaScript the link
// opens the player on its own site.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-embed]");
  if (!link) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = link.getAttribute("data-embed");
  frame.title = link.textContent;
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
  frame.setAttribute("allow", "fullscreen; picture-in-picture");
  frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
  frame.width = "640";
  frame.height = "360";
  link.parentNode.replaceChild(frame, link);
  frame.focus();
});
