/* The humas desk on the story form (articles/admin/desk.py): photos uploaded
   several at once with progress and retry, the people panel of each photo
   (htmx), autosave to the server and to this device, and the offer to restore
   unsaved text. The presence heartbeat is htmx's (hx-trigger="every 20s"). No inline script: the
   admin's Content-Security-Policy allows only the site's own files. */
(function () {
  "use strict";

  const AUTOSAVE_MS = 5000;
  const FIELDS = [
    "title", "summary", "dateline", "body", "event_date", "event_place", "credit_line",
  ];

  // A save that went through clears this device's copy of the text; one that
  // did not (an error, an expired session) keeps it for the restore offer.
  // Runs on the page the save led to: the form again, or the story list.
  function forgetSaved() {
    const pending = sessionStorage.getItem("warta-desk-submitted");
    if (!pending) {
      return;
    }
    sessionStorage.removeItem("warta-desk-submitted");
    const succeeded = document.querySelector(".messagelist .success") &&
      !document.querySelector(".errornote");
    if (succeeded) {
      localStorage.removeItem(pending);
    }
  }

  function start() {
    forgetSaved();
    const desk = document.getElementById("desk");
    if (!desk) {
      return;
    }
    const form = desk.closest("form");
    const texts = JSON.parse(document.getElementById("desk-texts").textContent);
    const status = document.getElementById("desk-autosave-status");
    const key = desk.dataset.storageKey;
    const csrf = () => {
      const input = form.querySelector("[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    };
    const fill = (template, value) => template.replace("%s", value);
    const clock = () => {
      const now = new Date();
      return `${String(now.getHours()).padStart(2, "0")}.${String(now.getMinutes()).padStart(2, "0")}`;
    };

    function say(text, kind, withLogin) {
      status.textContent = text;
      status.dataset.kind = kind || "";
      if (withLogin) {
        const link = document.createElement("a");
        link.href = desk.dataset.loginUrl;
        link.textContent = texts.login;
        link.id = "desk-login";
        status.append(" ", link);
      }
    }

    // --- htmx: CSRF header, the login page never swapped in, select2 ---------
    document.body.addEventListener("htmx:configRequest", (event) => {
      event.detail.headers["X-CSRFToken"] = csrf();
    });
    document.body.addEventListener("htmx:beforeSwap", (event) => {
      const url = event.detail.xhr.responseURL || "";
      if (url.includes("/login/")) {
        event.detail.shouldSwap = false;
        say(texts.expired, "error", true);
      }
    });
    document.body.addEventListener("htmx:load", (event) => {
      if (window.django && django.jQuery && django.jQuery.fn.djangoAdminSelect2) {
        django.jQuery(event.detail.elt)
          .find(".admin-autocomplete")
          .not("[name*=__prefix__]")
          .djangoAdminSelect2();
      }
    });

    // --- text: autosave here and on the server, restore --------------------
    const field = (name) => {
      const element = form.elements.namedItem(name);
      return element && element.tagName ? element : null;
    };
    const values = () => {
      const result = {};
      for (const name of FIELDS) {
        const element = field(name);
        if (element) {
          result[name] = element.value;
        }
      }
      return result;
    };
    const readLocal = () => {
      try {
        return JSON.parse(localStorage.getItem(key) || "null");
      } catch (error) {
        return null;
      }
    };
    const writeLocal = (entry) => {
      try {
        localStorage.setItem(key, JSON.stringify(entry));
      } catch (error) {
        // Storage full or disabled: the server copy still stands.
      }
    };

    form.addEventListener("submit", () => {
      writeLocal({ at: Date.now(), values: values() });
      sessionStorage.setItem("warta-desk-submitted", key);
    });

    let lastSent = JSON.stringify(values());

    function autosave() {
      const current = values();
      const text = JSON.stringify(current);
      if (text === lastSent) {
        return;
      }
      writeLocal({ at: Date.now(), values: current });
      if (!desk.dataset.autosaveUrl) {
        lastSent = text;
        say(fill(texts.saved_local, clock()), "ok");
        return;
      }
      const body = new FormData();
      for (const [name, value] of Object.entries(current)) {
        body.append(name, value);
      }
      fetch(desk.dataset.autosaveUrl, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": csrf() },
        credentials: "same-origin",
      })
        .then((response) => {
          const json = (response.headers.get("content-type") || "").includes("json");
          if (response.redirected || !json) {
            throw new Error("expired");
          }
          if (!response.ok) {
            throw new Error("refused");
          }
          return response.json();
        })
        .then((answer) => {
          lastSent = text;
          say(fill(texts.saved, answer.saved_at), "ok");
        })
        .catch((error) => {
          if (error.message === "expired") {
            say(texts.expired, "error", true);
          } else {
            say(texts.offline, "error");
          }
        });
    }
    setInterval(autosave, AUTOSAVE_MS);

    function apply(saved) {
      for (const name of FIELDS) {
        const element = field(name);
        if (!element || saved[name] === undefined) {
          continue;
        }
        const editor = window.editors && window.editors[element.id];
        if (editor) {
          editor.setData(saved[name]);
        }
        element.value = saved[name];
      }
      say(texts.restored, "ok");
    }

    function offerRestore() {
      const current = values();
      const candidates = [];
      const server = JSON.parse(document.getElementById("desk-autosave").textContent);
      if (server) {
        candidates.push({ at: Date.parse(server.saved_at), values: server, server: true });
      }
      const local = readLocal();
      if (local && local.values) {
        candidates.push({ at: local.at, values: local.values, server: false });
      }
      const differs = (candidate) => FIELDS.some(
        (name) => candidate.values[name] !== undefined && field(name) &&
          candidate.values[name].trim() !== (current[name] || "").trim(),
      );
      const best = candidates.filter(differs).sort((a, b) => b.at - a.at)[0];
      if (!best) {
        return;
      }
      const box = document.getElementById("desk-restore");
      document.getElementById("desk-restore-when").textContent =
        new Date(best.at).toLocaleString("id-ID");
      box.hidden = false;
      document.getElementById("desk-restore-yes").addEventListener("click", () => {
        apply(best.values);
        box.hidden = true;
      });
      document.getElementById("desk-restore-no").addEventListener("click", () => {
        localStorage.removeItem(key);
        if (desk.dataset.autosaveUrl) {
          const body = new FormData();
          body.append("discard", "1");
          fetch(desk.dataset.autosaveUrl, {
            method: "POST", body, headers: { "X-CSRFToken": csrf() }, credentials: "same-origin",
          });
        }
        box.hidden = true;
      });
    }
    offerRestore();

    // --- photos -------------------------------------------------------------
    const group = document.getElementById("photos-group");
    if (!group) {
      return;
    }
    const rows = () => Array.from(
      group.querySelectorAll(".inline-related:not(.empty-form)"),
    );
    const input = (row, name) => row.querySelector(`[name$="-${name}"]`);

    // A new row: the first photo is the featured one, the next ones follow.
    document.addEventListener("formset:added", (event) => {
      if (event.detail.formsetName !== "photos") {
        return;
      }
      const row = event.target;
      const others = rows().filter((other) => other !== row);
      const featured = others.some((other) => input(other, "role").value === "featured");
      if (!featured) {
        input(row, "role").value = "featured";
      }
      const orders = others.map((other) => Number(input(other, "order").value) || 0);
      input(row, "order").value = orders.length ? Math.max(...orders) + 1 : 0;
    });

    group.addEventListener("click", (event) => {
      const button = event.target.closest(".desk-use-caption");
      if (!button) {
        return;
      }
      const caption = input(button.closest(".inline-related"), "caption");
      caption.value = button.dataset.caption;
      caption.dispatchEvent(new Event("input", { bubbles: true }));
      caption.focus();
    });

    function addRow(photo) {
      group.querySelector(".add-row a").click();
      const row = rows().pop();
      const select = input(row, "photo");
      django.jQuery(select).append(new Option(photo.label, photo.id, true, true)).trigger("change");
      const thumb = row.querySelector(".field-thumbnail .readonly");
      if (thumb && photo.thumbnail) {
        const image = document.createElement("img");
        image.src = photo.thumbnail;
        image.alt = "";
        image.className = "desk-thumb";
        thumb.replaceChildren(image);
      }
      for (const name of ["caption", "credit", "alt_text"]) {
        if (photo[name] && input(row, name)) {
          input(row, name).value = photo[name];
        }
      }
      const slot = row.querySelector(".desk-people-slot");
      slot.setAttribute("hx-get", photo.people_url);
      slot.setAttribute("hx-trigger", "load");
      htmx.process(slot);
    }

    function uploadItem(file) {
      const item = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = file.name;
      const progress = document.createElement("progress");
      progress.max = 100;
      progress.value = 0;
      const message = document.createElement("span");
      message.className = "desk-upload-message";
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "button desk-retry";
      retry.textContent = texts.retry;
      retry.hidden = true;
      item.append(name, progress, message, retry);
      document.getElementById("desk-upload-list").append(item);

      const send = () => new Promise((resolve) => {
        const body = new FormData();
        body.append("file", file);
        const title = field("title");
        body.append("title", title ? title.value : "");
        const request = new XMLHttpRequest();
        request.open("POST", desk.dataset.uploadUrl);
        request.setRequestHeader("X-CSRFToken", csrf());
        message.textContent = texts.uploading;
        item.dataset.state = "sending";
        request.upload.addEventListener("progress", (event) => {
          if (event.lengthComputable) {
            progress.value = Math.round((event.loaded * 100) / event.total);
          }
        });
        const fail = (why) => {
          item.dataset.state = "failed";
          message.textContent = fill(texts.failed, why);
          retry.hidden = false;
          resolve();
        };
        request.addEventListener("load", () => {
          let answer = null;
          try {
            answer = JSON.parse(request.responseText);
          } catch (error) {
            answer = null;
          }
          if (request.status === 200 && answer && answer.id) {
            progress.value = 100;
            item.dataset.state = "done";
            message.textContent = texts.uploaded;
            addRow(answer);
            resolve();
          } else if ((request.responseURL || "").includes("/login/")) {
            say(texts.expired, "error", true);
            fail(texts.network);
          } else if (answer && answer.error) {
            fail(answer.error);
          } else {
            fail(fill(texts.server_error, request.status));
          }
        });
        request.addEventListener("error", () => fail(texts.network));
        request.addEventListener("timeout", () => fail(texts.network));
        request.send(body);
      });
      retry.addEventListener("click", () => {
        retry.hidden = true;
        send();
      });
      return send;
    }

    let queue = Promise.resolve();
    const picker = document.getElementById("desk-files");
    if (picker) {
      picker.addEventListener("change", () => {
        // One at a time, in the order picked: the first becomes the featured photo.
        for (const file of Array.from(picker.files)) {
          const send = uploadItem(file);
          queue = queue.then(send);
        }
        picker.value = "";
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
