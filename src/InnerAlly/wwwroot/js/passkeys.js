// Passkeys, where the browser can make them. Forms marked data-passkey stay plain forms:
// this asks the server for options, lets the browser do its part, puts the browser's answer
// in the form's CredentialJson field and sends the form as usual.

const supported =
  window.PublicKeyCredential &&
  typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function" &&
  typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

const messages = {
  NotAllowedError: "That did not finish, or it was cancelled. Nothing was changed; you can try again whenever you like.",
  InvalidStateError: "This device already has a passkey for your account.",
  default: "Something got in the way. Nothing was changed; you can try again, or use your password.",
};

async function optionsFor(form) {
  const token = form.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
  const response = await fetch(form.dataset.options, {
    method: "POST",
    headers: { RequestVerificationToken: token },
    credentials: "same-origin",
  });
  if (!response.ok) throw new Error(`Options answered ${response.status}`);
  return response.json();
}

for (const form of document.querySelectorAll("form[data-passkey]")) {
  const button = form.querySelector("[data-passkey-button]") ?? form.querySelector("button[type=submit]");
  const message = form.querySelector("[data-passkey-message]");
  const unsupported = form.querySelector("[data-passkey-unsupported]");
  if (!supported) continue;

  form.hidden = false;
  if (unsupported) unsupported.hidden = true;
  if (button) button.disabled = false;

  form.addEventListener("submit", async (event) => {
    const field = form.querySelector("input[name=CredentialJson]");
    if (field.value) return; // The browser has answered; send the form.
    event.preventDefault();
    if (message) message.hidden = true;
    button.disabled = true;
    try {
      const options = await optionsFor(form);
      const credential = form.dataset.passkey === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      field.value = JSON.stringify(credential);
      form.submit();
    } catch (error) {
      if (message) {
        message.textContent = messages[error?.name] ?? messages.default;
        message.hidden = false;
      }
      button.disabled = false;
    }
  });
}
