// Demo-only helpers: switch the page language and the widgets' light/dark look.
const root = document.documentElement;
for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => (root.lang = button.dataset.lang));
}
const theme = document.querySelector("[data-theme-toggle]");
theme?.addEventListener("click", () => {
  const dark = !document.body.classList.contains("dark");
  document.body.classList.toggle("dark", dark);
  for (const el of document.querySelectorAll("sigap-report-form, sigap-ticket-tracker, sigap-feedback-stars, sigap-agent-queue, sigap-desk-admin, sigap-desk-report, sigap-knowledge-base")) {
    el.setAttribute("theme", dark ? "dark" : "light");
  }
});
