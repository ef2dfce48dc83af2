// The back office's template editor: field boxes over the page images, placed in fractions
// of their page. Drag on a page to draw a field, drag a field to move it, drag its corner to
// resize it (pointer events: mouse, pen and touch). Save sends every field to the server,
// which checks them as PATCH /v1/templates/{id} does and answers with the template.
(function () {
  "use strict";
  var root = document.getElementById("editor");
  if (!root) return;
  var template = JSON.parse(root.dataset.template);
  var types = JSON.parse(root.dataset.types);
  var roles = JSON.parse(root.dataset.roles);
  var fields = [];
  var selected = -1;
  var list = document.getElementById("editor-fields");
  var statusLine = document.getElementById("editor-status");
  var errorList = document.getElementById("editor-errors");
  var MIN = 0.01;

  function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }
  function round(v) { return Math.round(v * 10000) / 10000; }

  function load(t) {
    fields = t.fields.map(function (f) {
      return {
        name: f.name, type: f.type, role: f.role, required: f.required,
        area: { page: f.area.page, x: f.area.x, y: f.area.y, w: f.area.w, h: f.area.h },
        // A field placed by an anchor text stays placed by it until it is moved by hand.
        anchor: f.anchor || null,
        options: f.options || [], value: f.value === undefined ? null : f.value
      };
    });
  }

  function freeName() {
    for (var n = fields.length + 1; ; n++) {
      var name = "field" + n;
      if (!fields.some(function (f) { return f.name === name; })) return name;
    }
  }

  function add(page, area) {
    fields.push({
      name: freeName(), type: "text", role: roles[0] || "", required: true,
      area: { page: page, x: area.x, y: area.y, w: area.w, h: area.h }, anchor: null,
      options: [], value: null
    });
    selected = fields.length - 1;
    draw();
  }

  function sheetOf(page) { return root.querySelector('.editor-sheet[data-page="' + page + '"]'); }

  function place(box, a) {
    box.style.left = (a.x * 100) + "%";
    box.style.top = (a.y * 100) + "%";
    box.style.width = (a.w * 100) + "%";
    box.style.height = (a.h * 100) + "%";
  }

  // A drag on `el`: `move(dx, dy)` in fractions of the sheet since the pointer went down.
  function dragging(el, sheet, start, move, end) {
    el.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      if (!start(e)) return;
      e.preventDefault();
      e.stopPropagation();
      var r = sheet.getBoundingClientRect();
      var x0 = e.clientX, y0 = e.clientY;
      el.setPointerCapture(e.pointerId);
      function onMove(ev) { move((ev.clientX - x0) / r.width, (ev.clientY - y0) / r.height, r, ev); }
      function onUp(ev) {
        el.removeEventListener("pointermove", onMove);
        el.removeEventListener("pointerup", onUp);
        el.removeEventListener("pointercancel", onUp);
        end(ev);
      }
      el.addEventListener("pointermove", onMove);
      el.addEventListener("pointerup", onUp);
      el.addEventListener("pointercancel", onUp);
    });
  }

  function boxFor(i) {
    var f = fields[i];
    var sheet = sheetOf(f.area.page);
    if (!sheet) return;
    var box = document.createElement("div");
    box.className = "editor-box";
    box.dataset.index = String(i);
    box.dataset.field = f.name;
    box.setAttribute("aria-selected", i === selected ? "true" : "false");
    box.textContent = f.name;
    var handle = document.createElement("span");
    handle.className = "editor-handle";
    handle.setAttribute("aria-hidden", "true");
    box.appendChild(handle);
    place(box, f.area);
    sheet.appendChild(box);
    var a0 = null;
    var moveBox = function () { a0 = Object.assign({}, f.area); select(i); return true; };
    dragging(box, sheet, moveBox, function (dx, dy) {
      f.area.x = round(clamp(a0.x + dx, 0, 1 - f.area.w));
      f.area.y = round(clamp(a0.y + dy, 0, 1 - f.area.h));
      if (dx || dy) f.anchor = null;
      place(box, f.area);
    }, function () { drawList(); });
    dragging(handle, sheet, moveBox, function (dx, dy) {
      f.area.w = round(clamp(a0.w + dx, MIN, 1 - f.area.x));
      f.area.h = round(clamp(a0.h + dy, MIN, 1 - f.area.y));
      if (dx || dy) f.anchor = null;
      place(box, f.area);
    }, function () { drawList(); });
  }

  function select(i) {
    selected = i;
    root.querySelectorAll(".editor-box").forEach(function (b) {
      b.setAttribute("aria-selected", b.dataset.index === String(i) ? "true" : "false");
    });
    list.querySelectorAll(".editor-field").forEach(function (li) {
      li.setAttribute("aria-selected", li.dataset.index === String(i) ? "true" : "false");
    });
  }

  function input(label, el) {
    var l = document.createElement("label");
    l.textContent = label + " ";
    l.appendChild(el);
    return l;
  }

  function drawList() {
    list.textContent = "";
    fields.forEach(function (f, i) {
      var li = document.createElement("li");
      li.className = "editor-field";
      li.dataset.index = String(i);
      li.setAttribute("aria-selected", i === selected ? "true" : "false");
      var name = document.createElement("input");
      name.className = "editor-name";
      name.value = f.name;
      name.maxLength = 100;
      name.addEventListener("input", function () {
        f.name = name.value;
        var b = root.querySelector('.editor-box[data-index="' + i + '"]');
        if (b) { b.firstChild.nodeValue = f.name; b.dataset.field = f.name; }
      });
      var type = document.createElement("select");
      type.className = "editor-type";
      types.forEach(function (t) {
        var o = document.createElement("option");
        o.value = o.textContent = t;
        if (t === f.type) o.selected = true;
        type.appendChild(o);
      });
      var options = document.createElement("input");
      options.className = "editor-options";
      options.value = f.options.join(", ");
      options.placeholder = "Basic, Premium";
      var optionsLabel = input("Choices", options);
      optionsLabel.hidden = f.type !== "select";
      type.addEventListener("change", function () {
        f.type = type.value;
        optionsLabel.hidden = f.type !== "select";
      });
      options.addEventListener("input", function () {
        f.options = options.value.split(",").map(function (s) { return s.trim(); })
          .filter(function (s) { return s.length > 0; });
      });
      var role = document.createElement("select");
      role.className = "editor-role";
      roles.forEach(function (r) {
        var o = document.createElement("option");
        o.value = o.textContent = r;
        if (r === f.role) o.selected = true;
        role.appendChild(o);
      });
      role.addEventListener("change", function () { f.role = role.value; });
      var required = document.createElement("input");
      required.type = "checkbox";
      required.className = "editor-required";
      required.checked = f.required;
      required.addEventListener("change", function () { f.required = required.checked; });
      var del = document.createElement("button");
      del.type = "button";
      del.className = "editor-delete";
      del.textContent = "Delete";
      del.addEventListener("click", function () {
        fields.splice(i, 1);
        selected = -1;
        draw();
      });
      // The area in fractions of the page, to type where a pointer is not at hand.
      var where = document.createElement("span");
      where.className = "editor-area";
      where.appendChild(document.createTextNode("Page " + f.area.page + " "));
      if (f.anchor) {
        var by = document.createElement("span");
        by.className = "editor-anchor";
        by.textContent = "placed by the text \u201c" + f.anchor + "\u201d (moving it places it by area) ";
        where.appendChild(by);
      }
      ["x", "y", "w", "h"].forEach(function (k) {
        var n = document.createElement("input");
        n.type = "number";
        n.step = "0.001";
        n.min = "0";
        n.max = "1";
        n.className = "editor-" + k;
        n.value = String(f.area[k]);
        n.addEventListener("change", function () {
          var v = Number(n.value);
          if (!isFinite(v)) return;
          f.area[k] = round(clamp(v, 0, 1));
          f.anchor = null;
          var b = root.querySelector('.editor-box[data-index="' + i + '"]');
          if (b) place(b, f.area);
        });
        where.appendChild(input(k, n));
      });
      li.appendChild(input("Name", name));
      li.appendChild(input("Type", type));
      li.appendChild(input("Role", role));
      li.appendChild(input("Required", required));
      li.appendChild(optionsLabel);
      li.appendChild(del);
      li.appendChild(document.createElement("br"));
      li.appendChild(where);
      li.addEventListener("focusin", function () { select(i); });
      list.appendChild(li);
    });
  }

  function draw() {
    root.querySelectorAll(".editor-box").forEach(function (b) { b.remove(); });
    fields.forEach(function (_, i) { boxFor(i); });
    drawList();
  }

  // Drawing a new field: drag on the page where it goes.
  root.querySelectorAll(".editor-sheet").forEach(function (sheet) {
    var page = Number(sheet.dataset.page);
    var ghost = null, x0 = 0, y0 = 0, area = null;
    dragging(sheet, sheet, function (e) {
      if (e.target.closest(".editor-box")) return false;
      var r = sheet.getBoundingClientRect();
      x0 = clamp((e.clientX - r.left) / r.width, 0, 1);
      y0 = clamp((e.clientY - r.top) / r.height, 0, 1);
      ghost = document.createElement("div");
      ghost.className = "editor-box";
      sheet.appendChild(ghost);
      area = null;
      return true;
    }, function (dx, dy) {
      var x1 = clamp(x0 + dx, 0, 1), y1 = clamp(y0 + dy, 0, 1);
      area = { x: round(Math.min(x0, x1)), y: round(Math.min(y0, y1)),
        w: round(Math.abs(x1 - x0)), h: round(Math.abs(y1 - y0)) };
      place(ghost, area);
    }, function () {
      if (ghost) ghost.remove();
      ghost = null;
      if (area && area.w >= MIN && area.h >= MIN) add(page, area);
    });
  });

  root.querySelectorAll(".editor-add").forEach(function (b) {
    b.addEventListener("click", function () {
      add(Number(b.dataset.page), { x: 0.1, y: 0.1, w: 0.3, h: 0.05 });
    });
  });

  document.getElementById("editor-save").addEventListener("click", function () {
    statusLine.textContent = "Saving…";
    errorList.textContent = "";
    var body = { fields: fields.map(function (f) {
      var out = { name: f.name, type: f.type, role: f.role, required: f.required };
      if (f.anchor) out.anchor = f.anchor;
      else out.area = { page: f.area.page, x: f.area.x, y: f.area.y, w: f.area.w, h: f.area.h };
      if (f.type === "select") out.options = f.options;
      if (f.value !== null) out.value = f.value;
      return out;
    }) };
    fetch(root.dataset.save, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": root.dataset.csrf },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = JSON.parse(text); } catch (e) { json = null; }
        if (r.ok && json) {
          load(json);
          draw();
          statusLine.textContent = "Saved: " + json.fields.length + " field" +
            (json.fields.length === 1 ? "" : "s") + " (" + json.status + ").";
          return;
        }
        var errors = (json && json.errors) || [];
        statusLine.textContent = "Not saved" + (errors.length ? ": " + errors[0].title : " (" + r.status + ").");
        errors.forEach(function (e) {
          var li = document.createElement("li");
          var what = e.source ? e.source.field + ": " + e.source.message : e.detail;
          li.textContent = what + " (" + e.code + (e.return_code ? ", " + e.return_code : "") + ")";
          errorList.appendChild(li);
        });
      });
    }, function () { statusLine.textContent = "Not saved: the server cannot be reached."; });
  });

  load(template);
  draw();
})();
