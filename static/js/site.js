// Warta: the little JavaScript the public site needs (no library).
// 1. Count a read of a story: one beacon, after the page is shown, so cached
//    pages still count (see portal/popularity.py). The browser marks it
//    Sec-Fetch-Site: same-origin; reports from other sites are refused.
// 2. "Salin tautan": copy the story's address; hidden where it cannot work.
(function () {
  "use strict";
  var story = document.querySelector("[data-read-url]");
  if (story && navigator.sendBeacon) {
    navigator.sendBeacon(story.getAttribute("data-read-url"));
  }
  var button = document.querySelector(".copy-link");
  if (button && navigator.clipboard) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url")).then(function () {
        button.textContent = button.getAttribute("data-done");
      });
    });
  }
})();
