// readouts embed host script: sizes readouts iframes to their content.
//
// Put it once on a page that embeds readouts views (the "Embed" button of each view gives the
// iframe and this script tag):
//
//   <iframe src="https://readouts.example/embed/?topic=BRICS" title="…" loading="lazy"
//           width="100%" height="800" style="border:0"></iframe>
//   <script src="https://readouts.example/embed-host.js" async></script>
//
// An embedded view posts { type: "readouts:height", height: <CSS px, integer>, path: <its path
// and query> } to its parent whenever its content height changes (and when it moves to another
// page of results). This script sets the height of the iframe that sent the message, and of no
// other: the message must come from the iframe's own window (event.source) and from the origin
// of its src (event.origin). Messages of any other shape are ignored. It sends nothing to the
// iframes: the embeds take no commands. After each change it dispatches a "readouts:height"
// CustomEvent (detail: { height, path }) on the iframe, for pages that want to react.
//
// No dependencies, no globals but a guard against loading it twice; works in any browser with
// postMessage. Iframes added later are handled too (the lookup happens per message).
(function () {
  'use strict';
  if (window.__readoutsEmbedHost) return;
  window.__readoutsEmbedHost = true;

  // A sane ceiling, so that a broken page cannot make an iframe absurdly tall.
  var MAX_HEIGHT = 100000;

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (err) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'readouts:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    height = Math.min(Math.ceil(height), MAX_HEIGHT);
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i += 1) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame) !== event.origin) continue;
      frame.style.height = height + 'px';
      frame.setAttribute('height', String(height));
      var detail = { height: height, path: typeof data.path === 'string' ? data.path : '' };
      var custom;
      try {
        custom = new CustomEvent('readouts:height', { detail: detail });
      } catch (err) {
        custom = null;
      }
      if (custom) frame.dispatchEvent(custom);
      return;
    }
  });
})();
