// "Leave this page now" on the help page: swaps this page for a neutral one and leaves it out of
// the tab's history (location.replace), so Back does not bring it up again. Without this script
// the link still works, as a plain link.

for (const link of document.querySelectorAll("a[data-quick-exit]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.location.replace(link.href);
  });
}
