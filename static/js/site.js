// Small progressive enhancements shared by every page. Each app adds its own
// script next to this one; the site works without any of them.
document.documentElement.classList.add("js");

// A responsive video embed keeps its aspect ratio through padding, set here
// rather than in a style attribute, which the Content-Security-Policy blocks.
document.querySelectorAll(".responsive-object[data-embed-ratio]").forEach(function (box) {
    box.style.paddingBottom = box.getAttribute("data-embed-ratio");
});
