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
// other. A message counts only if all of these hold:
//   - it comes from a readouts origin: by default the origin this script was loaded from (the
//     readouts site that served it: document.currentScript), or those listed, separated by
//     spaces, in the script tag's data-readouts-origins attribute
//     (<script src="…/embed-host.js" data-readouts-origins="https://a.example https://b.example" async>);
//   - an iframe of the page has that window (event.source) and a src, no srcdoc, whose origin
//     is the message's (event.origin): ads, srcdoc frames and sandboxed frames (whose origin is
//     opaque, "null") are never resized, whatever they post.
// Messages of any other shape are ignored. It sends nothing to the iframes: the embeds take no
// commands. After each change it dispatches a "readouts:height" CustomEvent (detail: { height,
// path }) on the iframe, for pages that want to react.
//
// No dependencies; one global, window.__readoutsEmbedHost (the origins it accepts: a page may
// load the script from several readouts sites, each adds its own). Works in any browser with
// postMessage. Iframes added later are handled too (the lookup happens per message).
(function () {
  'use strict';

  // The readouts origins this copy of the script vouches for.
  var own = [];
  var script = document.currentScript;
  if (script) {
    var listed = script.getAttribute('data-readouts-origins');
    var names = listed ? listed.split(/\s+/) : [script.src];
    for (var n = 0; n < names.length; n += 1) {
      try {
        if (names[n]) own.push(new URL(names[n], document.baseURI).origin);
      } catch (err) {
        // Not a URL: ignored.
      }
    }
  }

  var host = window.__readoutsEmbedHost;
  if (host && host.origins) {
    for (var o = 0; o < own.length; o += 1) {
      if (host.origins.indexOf(own[o]) < 0) host.origins.push(own[o]);
    }
    return;
  }
  host = window.__readoutsEmbedHost = { origins: own };

  // A sane ceiling, so that a broken page cannot make an iframe absurdly tall.
  var MAX_HEIGHT = 100000;

  function originOf(frame) {
    if (frame.hasAttribute('srcdoc') || !frame.getAttribute('src')) return null;
    try {
      return new URL(frame.getAttribute('src'), document.baseURI).origin;
    } catch (err) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'readouts:height') return;
    if (host.origins.indexOf(event.origin) < 0) return;
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
