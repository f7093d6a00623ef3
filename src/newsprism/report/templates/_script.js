// Open every closed <details> around the element a link points at, so
// "show in article" lands on a visible, highlighted sentence.
(function () {
  function reveal(id) {
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    el.scrollIntoView({block: "center"});
    var mark = el.nextElementSibling;
    if (mark && mark.tagName === "MARK") {
      mark.style.outline = "2px solid #2456c7";
      setTimeout(function () { mark.style.outline = ""; }, 2500);
    }
  }
  function fromHash() { reveal(decodeURIComponent(location.hash.slice(1))); }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", function () {
    fromHash();
    document.querySelectorAll("button[data-toggle-all]").forEach(function (b) {
      b.addEventListener("click", function () {
        var box = document.getElementById(b.getAttribute("data-toggle-all"));
        var open = b.getAttribute("aria-pressed") !== "true";
        box.querySelectorAll("details.ev").forEach(function (d) { d.open = open; });
        b.setAttribute("aria-pressed", open ? "true" : "false");
        b.textContent = open ? "Hide all evidence" : "Show all evidence";
      });
    });
  });
})();
