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
