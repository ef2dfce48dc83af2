// The signer's page: drawing or typing a signature picture, and a check of the form before
// approval. The page works without this script (fields are ordinary form inputs and a
// picture can be uploaded); the server checks everything again.
"use strict";

(function () {
  const form = document.getElementById("approve-form");
  if (!form) {
    return;
  }
  const modes = form.querySelector(".picture-modes");
  const panels = form.querySelectorAll(".picture-panel");
  const pad = document.getElementById("picture-pad");
  const typed = document.getElementById("picture-typed");
  const preview = document.getElementById("picture-typed-preview");
  const upload = document.getElementById("signature-upload");
  const drawn = document.getElementById("signature-drawn");
  const problem = document.getElementById("approve-problem");
  let mode = "draw";
  let strokes = 0;

  function show(next) {
    mode = next;
    for (const b of modes.querySelectorAll("button[data-mode]")) {
      b.setAttribute("aria-selected", String(b.dataset.mode === next));
    }
    for (const p of panels) {
      p.hidden = p.dataset.panel !== next;
    }
  }

  // Drawing: pointer events (mouse, pen and touch alike), touch events where a browser has
  // no pointer events. The canvas keeps its own pixel size; positions are scaled to it.
  const ink = pad.getContext("2d");
  ink.lineWidth = 4;
  ink.lineCap = "round";
  ink.lineJoin = "round";
  ink.strokeStyle = "#10243f";
  let last = null;

  function at(clientX, clientY) {
    const r = pad.getBoundingClientRect();
    return {
      x: ((clientX - r.left) * pad.width) / r.width,
      y: ((clientY - r.top) * pad.height) / r.height,
    };
  }
  function start(p) {
    last = p;
    ink.beginPath();
    ink.arc(p.x, p.y, ink.lineWidth / 2, 0, 2 * Math.PI);
    ink.fillStyle = ink.strokeStyle;
    ink.fill();
    strokes += 1;
  }
  function move(p) {
    if (!last) {
      return;
    }
    ink.beginPath();
    ink.moveTo(last.x, last.y);
    ink.lineTo(p.x, p.y);
    ink.stroke();
    last = p;
  }
  function end() {
    last = null;
  }

  if (window.PointerEvent) {
    pad.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      pad.setPointerCapture(e.pointerId);
      start(at(e.clientX, e.clientY));
    });
    pad.addEventListener("pointermove", (e) => {
      if (last) {
        e.preventDefault();
        move(at(e.clientX, e.clientY));
      }
    });
    pad.addEventListener("pointerup", end);
    pad.addEventListener("pointercancel", end);
  } else {
    pad.addEventListener("touchstart", (e) => {
      e.preventDefault();
      const t = e.changedTouches[0];
      start(at(t.clientX, t.clientY));
    });
    pad.addEventListener("touchmove", (e) => {
      e.preventDefault();
      const t = e.changedTouches[0];
      move(at(t.clientX, t.clientY));
    });
    pad.addEventListener("touchend", end);
    pad.addEventListener("touchcancel", end);
    pad.addEventListener("mousedown", (e) => start(at(e.clientX, e.clientY)));
    pad.addEventListener("mousemove", (e) => move(at(e.clientX, e.clientY)));
    window.addEventListener("mouseup", end);
  }
  document.getElementById("picture-clear").addEventListener("click", () => {
    ink.clearRect(0, 0, pad.width, pad.height);
    strokes = 0;
  });

  // Typing: the name drawn in the bundled handwriting font, as large as fits.
  const script = '"Dancing Script", cursive';
  function renderTyped() {
    const c = preview.getContext("2d");
    c.clearRect(0, 0, preview.width, preview.height);
    const text = typed.value.trim();
    if (!text) {
      return;
    }
    let size = 120;
    c.font = size + "px " + script;
    const room = preview.width - 40;
    const width = c.measureText(text).width;
    if (width > room) {
      size = Math.max(24, Math.floor((size * room) / width));
      c.font = size + "px " + script;
    }
    c.fillStyle = "#10243f";
    c.textBaseline = "middle";
    c.textAlign = "center";
    c.fillText(text, preview.width / 2, preview.height / 2);
  }
  typed.addEventListener("input", () => {
    document.fonts.load("120px " + script, typed.value).then(renderTyped, renderTyped);
  });

  function picture() {
    if (mode === "draw" && strokes > 0) {
      return pad.toDataURL("image/png");
    }
    if (mode === "type" && typed.value.trim()) {
      renderTyped();
      return preview.toDataURL("image/png");
    }
    return "";
  }

  form.addEventListener("submit", (e) => {
    drawn.value = picture();
    // Only the picture of the chosen way goes with the approval.
    if (mode !== "upload") {
      upload.value = "";
    }
    const needed = form.dataset.pictureRequired === "true";
    if (needed && !drawn.value && !upload.value) {
      e.preventDefault();
      problem.textContent = form.dataset.pictureMissing;
      problem.hidden = false;
      return;
    }
    problem.hidden = true;
  });

  for (const b of modes.querySelectorAll("button[data-mode]")) {
    b.addEventListener("click", () => show(b.dataset.mode));
  }
  modes.hidden = false;
  show("draw");
})();
