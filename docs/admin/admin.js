// The web editor's own widget (generator/cms.py names it `readonly`): what the published
// Chinese text fixes (a clause's or a unit's Chinese, a quote, an amount, an id) is shown in
// the form, labelled like every field, but cannot be changed: the control never reports a
// change, so the value saved is the value read.
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) return;
  function text(value) {
    if (value === null || value === undefined) return "";
    if (value && typeof value.toJS === "function") value = value.toJS();
    if (Array.isArray(value)) return value.map(text).join("、");
    if (typeof value === "object") {
      return Object.keys(value).map(function (k) { return k + ": " + text(value[k]); }).join("; ");
    }
    return String(value);
  }
  var Control = createClass({
    render: function () {
      var value = text(this.props.value);
      var props = {
        id: this.props.forID,
        className: (this.props.classNameWrapper || "") + " ph-readonly",
        readOnly: true,
        "aria-readonly": "true",
        value: value,
        onChange: function () {},
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
        style: { background: "#f3f4f7", color: "#1b1b1f", cursor: "default", resize: "vertical" },
      };
      // a long text (a clause, a quote) in a box of its own height, a short one in a line
      if (value.length > 40 || value.indexOf("\n") >= 0) {
        props.rows = Math.min(12, Math.max(2, Math.ceil(value.length / 40)));
        return h("textarea", props);
      }
      props.type = "text";
      return h("input", props);
    },
  });
  var Preview = createClass({
    render: function () { return h("p", null, text(this.props.value)); },
  });
  CMS.registerWidget("readonly", Control, Preview);
})();
// The page's own introduction is for the login screen: once an editor is in (Decap's header
// is there), it steps aside, and comes back when they log out.
(function () {
  "use strict";
  var intro = document.getElementById("ph-admin-intro");
  if (!intro || typeof MutationObserver === "undefined") return;
  function update() {
    intro.hidden = !!document.querySelector("#nc-root header");
  }
  new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  update();
})();
// A text the published Chinese fixes (generator/cms.py: `bilingual`): the Chinese, read-only,
// beside the English the project writes, side by side (one above the other on a phone), and
// whether the translation is pending. Only `en` and `pending` are ever changed.
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) return;
  var box = { display: "block", width: "100%", boxSizing: "border-box", font: "inherit",
              padding: "8px 10px", border: "2px solid #dfdfe3", borderRadius: "5px",
              minHeight: "44px", resize: "vertical" };
  function get(value, key) {
    if (!value) return "";
    var v = typeof value.get === "function" ? value.get(key) : value[key];
    return v === undefined || v === null ? "" : String(v);
  }
  function rows(text) { return Math.min(12, Math.max(2, Math.ceil(text.length / 30))); }
  var Control = createClass({
    change: function (key, text) {
      var value = this.props.value;
      if (!value || typeof value.set !== "function") {
        value = window.Immutable ? window.Immutable.Map(value || {}) : null;
      }
      if (!value) return;
      this.props.onChange(text ? value.set(key, text) : value.delete(key));
    },
    render: function () {
      var self = this, id = this.props.forID, value = this.props.value;
      var zh = get(value, "zh"), en = get(value, "en"), pending = get(value, "pending");
      var field = this.props.field;
      var options = (field && field.get && field.get("pending_options")) || [];
      options = typeof options.toJS === "function" ? options.toJS() : options;
      function column(lang, label, control) {
        return h("div", { style: { flex: "1 1 16rem", minWidth: 0 } },
          h("label", { htmlFor: lang + "-field-" + id,
                       style: { display: "block", fontSize: "12px", fontWeight: 600,
                                color: "#5d626f", margin: "4px 0" } }, label),
          control);
      }
      return h("div", { id: id, className: "ph-bilingual",
                        style: { display: "flex", flexWrap: "wrap", gap: "12px",
                                 padding: "12px" } },
        column("zh", "中文 zh（已公布，只读）· published, read-only",
          h("textarea", { id: "zh-field-" + id, lang: "zh-Hans", readOnly: true,
                          "aria-readonly": "true", value: zh, rows: rows(zh),
                          onChange: function () {},
                          style: Object.assign({}, box, { background: "#f3f4f7" }) })),
        column("en", "English en",
          h("div", null,
            h("textarea", { id: "en-field-" + id, lang: "en", value: en, rows: rows(zh),
                            onChange: function (e) { self.change("en", e.target.value); },
                            onFocus: this.props.setActiveStyle,
                            onBlur: this.props.setInactiveStyle, style: box }),
            h("label", { htmlFor: "pending-field-" + id,
                         style: { display: "block", fontSize: "12px", margin: "6px 0 2px" } },
              "pending"),
            h("select", { id: "pending-field-" + id, value: pending,
                          onChange: function (e) { self.change("pending", e.target.value); },
                          style: { font: "inherit", padding: "4px" } },
              [h("option", { key: "", value: "" }, "—")].concat(options.map(function (o) {
                return h("option", { key: o, value: o }, o);
              }))))));
    },
  });
  var Preview = createClass({
    render: function () {
      return h("p", null, get(this.props.value, "zh") + " / " + get(this.props.value, "en"));
    },
  });
  CMS.registerWidget("bilingual", Control, Preview);
})();
