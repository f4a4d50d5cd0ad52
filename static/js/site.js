// Small progressive enhancements shared by every page. Each app adds its own
// script next to this one; the site works without any of them.
document.documentElement.classList.add("js");
