// Names for what Material's script draws after the page loads (axe-core: link-name, landmark-unique):
// the numbered marker of a code annotation, and the copy button's <nav> above each code block.
document$.subscribe(function () {
  var zh = document.documentElement.lang === "zh";
  document.querySelectorAll(".md-annotation__index").forEach(function (link) {
    var number = link.querySelector("[data-md-annotation-id]");
    link.setAttribute("aria-label", (zh ? "注释 " : "Note ") + (number ? number.dataset.mdAnnotationId : ""));
  });
  // One tool bar per code block is not a landmark a reader navigates between.
  document.querySelectorAll(".md-code__nav").forEach(function (nav) {
    nav.setAttribute("role", "none");
  });
});
