// Names for what Material's script draws into code blocks (axe-core: link-name, landmark-unique): the numbered
// marker of a code annotation, and the copy button's <nav>. With content.lazy a block gets them when it scrolls
// into view, so new ones are named as they appear.
(function () {
  var note = document.documentElement.lang === "zh" ? "说明 " : "Note ";

  function name(root) {
    root.querySelectorAll(".md-annotation__index:not([aria-label])").forEach(function (link) {
      var number = link.querySelector("[data-md-annotation-id]");
      link.setAttribute("aria-label", note + (number ? number.dataset.mdAnnotationId : ""));
    });
    // One tool bar per code block is not a landmark a reader navigates between.
    root.querySelectorAll(".md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      name(document);
    });
  }).observe(document.body, { childList: true, subtree: true });
  name(document);
})();
