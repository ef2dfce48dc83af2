//! The back office's template editor: an operator uploads a PDF as a template, draws two
//! fields on its pages with the pointer (a mouse on page 1, touch on page 2), moves and
//! resizes one, describes both, sees a refused save's reason, saves, and the API returns
//! exactly those fields.

use super::*;

/// The size of page `n`'s sheet on the screen, in CSS pixels.
async fn sheet_size(s: &Session, n: u32) -> (f64, f64) {
    let v = s
        .execute(
            &format!(
                r#"var r = document.querySelector('.editor-sheet[data-page="{n}"]').getBoundingClientRect();
                   return [r.width, r.height];"#
            ),
            vec![],
        )
        .await;
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

async fn scroll_to_sheet(s: &Session, n: u32) {
    s.execute(
        &format!(
            r#"document.querySelector('.editor-sheet[data-page="{n}"]').scrollIntoView({{block: "center"}}); return true;"#
        ),
        vec![],
    )
    .await;
}

/// Sets the `n`th field's name in the list (cleared, then typed: as a person would).
async fn name_field(s: &Session, n: usize, name: &str) {
    let css = format!(r#"li.editor-field[data-index="{n}"] .editor-name"#);
    s.execute(
        &format!(r#"document.querySelector('{css}').value = ""; return true;"#),
        vec![],
    )
    .await;
    s.type_into(&s.find(&css).await, name).await;
}

async fn choose(s: &Session, n: usize, class: &str, value: &str) {
    s.click(
        &s.find(&format!(
            r#"li.editor-field[data-index="{n}"] .{class} option[value="{value}"]"#
        ))
        .await,
    )
    .await;
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.02
}

#[tokio::test]
async fn an_operator_draws_a_templates_fields_and_the_api_returns_them() {
    let Some(h) = harness("admin_template_editor").await else {
        return;
    };
    let app = &h.app;
    let s = h.signed_in_operator().await;
    // From the templates page to the upload form.
    s.click(&s.find(r#"a[href="/admin/templates"]"#).await)
        .await;
    s.click(&s.find(r#"a[href="/admin/templates/new"]"#).await)
        .await;
    let file = h.shots.join("contract.pdf");
    std::fs::write(&file, pdf("Editor contract", 2)).unwrap();
    s.type_into(&s.find("#tenant").await, "default").await;
    s.type_into(&s.find("#name").await, "Editor contract").await;
    s.type_into(&s.find("#roles").await, "Client, Company")
        .await;
    s.type_into(&s.find("#file").await, file.to_str().unwrap())
        .await;
    h.shot(&s, "new-template").await;
    s.click(&s.find("#template-create").await).await;
    s.find("#editor").await;
    let url = s.current_url().await;
    assert!(url.ends_with("/edit"), "{url}");
    let id = url.rsplit('/').nth(1).unwrap().to_owned();
    assert!(signet_core::ids::TemplateId::parse(&id).is_some(), "{id}");
    wait_until(
        &s,
        "the pages drawn",
        r#"return Array.from(document.querySelectorAll('.editor-sheet img')).every(function (i) { return i.complete && i.naturalWidth > 0; });"#,
    )
    .await;

    // Page 1: a box drawn with the mouse, from 10 % / 20 % to 40 % / 25 % of the page.
    scroll_to_sheet(&s, 1).await;
    let (w, hgt) = sheet_size(&s, 1).await;
    let at = |fx: f64, fy: f64| (((fx - 0.5) * w) as i64, ((fy - 0.5) * hgt) as i64);
    let sheet1 = s.find(r#".editor-sheet[data-page="1"]"#).await;
    s.stroke(
        &sheet1,
        "mouse",
        &[at(0.10, 0.20), at(0.25, 0.23), at(0.40, 0.25)],
    )
    .await;
    s.find(r#".editor-box[data-index="0"]"#).await;
    // Page 2: one drawn by touch, then moved and resized.
    scroll_to_sheet(&s, 2).await;
    let sheet2 = s.find(r#".editor-sheet[data-page="2"]"#).await;
    s.stroke(
        &sheet2,
        "touch",
        &[at(0.50, 0.40), at(0.60, 0.43), at(0.70, 0.45)],
    )
    .await;
    let box2 = s.find(r#".editor-box[data-index="1"]"#).await;
    // Moved by -0.1 × 0.1 of the page (grabbed at its middle; one move, as the box moves
    // with the pointer and the points are from its centre).
    let grab = |dx: f64, dy: f64| ((dx * w) as i64, (dy * hgt) as i64);
    s.stroke(&box2, "mouse", &[grab(0.0, 0.0), grab(-0.10, 0.10)])
        .await;
    // Resized by its corner to 0.3 × 0.08 of the page.
    let handle = s
        .find(r#".editor-box[data-index="1"] .editor-handle"#)
        .await;
    s.stroke(&handle, "mouse", &[grab(0.0, 0.0), grab(0.10, 0.03)])
        .await;
    h.shot(&s, "boxes-drawn").await;

    // The first: the client's text, required; the second: the company's date, optional,
    // named as the first at first (refused, with the reason on the page).
    name_field(&s, 0, "client_name").await;
    choose(&s, 0, "editor-type", "text").await;
    choose(&s, 0, "editor-role", "Client").await;
    name_field(&s, 1, "client_name").await;
    choose(&s, 1, "editor-type", "date").await;
    choose(&s, 1, "editor-role", "Company").await;
    s.click(
        &s.find(r#"li.editor-field[data-index="1"] .editor-required"#)
            .await,
    )
    .await;
    s.click(&s.find("#editor-save").await).await;
    wait_until(
        &s,
        "the refusal shown",
        r#"return document.getElementById("editor-status").textContent.indexOf("Not saved") === 0
            && document.querySelectorAll('#editor-errors li').length > 0;"#,
    )
    .await;
    h.shot(&s, "refused").await;
    let refused = format!(
        "{} {}",
        text_of(&s, "#editor-status").await,
        text_of(&s, "#editor-errors").await
    );
    assert!(refused.contains("fields[1]"), "{refused}");
    let unsaved = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(unsaved["fields"], json!([]));

    name_field(&s, 1, "signed_on").await;
    s.click(&s.find("#editor-save").await).await;
    wait_until(
        &s,
        "the save",
        r#"return document.getElementById("editor-status").textContent.indexOf("Saved") === 0;"#,
    )
    .await;
    h.shot(&s, "saved").await;

    let t = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    let fields = t["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 2, "{t}");
    let (a, b) = (&fields[0], &fields[1]);
    assert_eq!(
        (&a["name"], &a["type"], &a["role"], &a["required"]),
        (
            &json!("client_name"),
            &json!("text"),
            &json!("Client"),
            &json!(true)
        )
    );
    assert_eq!(
        (&b["name"], &b["type"], &b["role"], &b["required"]),
        (
            &json!("signed_on"),
            &json!("date"),
            &json!("Company"),
            &json!(false)
        )
    );
    let area = |f: &Value| {
        let a = &f["area"];
        (
            a["page"].as_u64().unwrap(),
            a["x"].as_f64().unwrap(),
            a["y"].as_f64().unwrap(),
            a["w"].as_f64().unwrap(),
            a["h"].as_f64().unwrap(),
        )
    };
    let (p, x, y, fw, fh) = area(a);
    assert!(
        p == 1 && close(x, 0.10) && close(y, 0.20) && close(fw, 0.30) && close(fh, 0.05),
        "{t}"
    );
    let (p, x, y, fw, fh) = area(b);
    assert!(
        p == 2 && close(x, 0.40) && close(y, 0.50) && close(fw, 0.30) && close(fh, 0.08),
        "{t}"
    );
    // What the page shows after the save is what the API has.
    let shown = s
        .execute(
            r#"return Array.from(document.querySelectorAll('.editor-box')).map(function (b) { return b.dataset.field; });"#,
            vec![],
        )
        .await;
    assert_eq!(shown, json!(["client_name", "signed_on"]));

    // A field placed through the API by an anchor text stays placed by it when the editor
    // saves without moving it.
    let mut with_anchor: Vec<Value> = fields
        .iter()
        .map(|f| {
            json!({"name": f["name"], "type": f["type"], "role": f["role"],
                   "required": f["required"], "area": f["area"]})
        })
        .collect();
    with_anchor.push(json!({
        "name": "client_sign", "type": "signature", "role": "Client", "anchor": "page 2 of 2"
    }));
    app.patch(
        &format!("/v1/templates/{id}"),
        json!({"fields": with_anchor}),
    )
    .await
    .assert(200);
    s.goto(&url).await;
    s.find(r#".editor-box[data-field="client_sign"]"#).await;
    let note = text_of(&s, r#"li.editor-field[data-index="2"] .editor-anchor"#).await;
    assert!(note.contains("page 2 of 2"), "{note}");
    s.click(&s.find("#editor-save").await).await;
    wait_until(
        &s,
        "the second save",
        r#"return document.getElementById("editor-status").textContent.indexOf("Saved: 3") === 0;"#,
    )
    .await;
    let t = app
        .get(&format!("/v1/templates/{id}"))
        .await
        .assert(200)
        .clone();
    assert_eq!(t["fields"][2]["anchor"], json!("page 2 of 2"), "{t}");
    assert_eq!(t["fields"][0]["anchor"], Value::Null, "{t}");
    s.close().await;
    h.done();
}
