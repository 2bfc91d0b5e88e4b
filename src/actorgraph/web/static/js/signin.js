// The sign-in form works without script; with it, the reviewer comes back to the page they left.
const next = new URLSearchParams(location.search).get("next");
const field = document.querySelector("form.signin input[name=next]");
if (next && next.startsWith("/") && !next.startsWith("//") && field) field.value = next;
