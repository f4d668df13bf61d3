'use strict';
// A log like the article's: every line stamped with seconds since the page loaded, [12.345].
// Lines are kept in window.primer.log as well, for tests and the notebook to read.
window.primer = window.primer || {};
window.primer.log = [];
// The same lines as events for the Java side: [nanos, source, kind, name, detail], the format of
// the kit's 'log' message, stamped in ns on this page's clock (performance.now()).
window.primer.events = [];
let scrollPending = false;

function weblog(text) {
  const now = performance.now();
  const line = '[' + (now / 1000).toFixed(3) + '] ' + text;
  const peer = /^(pc1|pc2) /.exec(text);
  window.primer.events.push([Math.round(now * 1e6), peer ? peer[1] : 'call', 'NOTE',
                             peer ? text.substring(4) : text, '']);
  const pre = document.getElementById('log');
  if (pre) {
    // Append, don't rewrite: the log grows over many calls and sits on the call's critical path.
    pre.appendChild(document.createTextNode(line + '\n'));
    if (!scrollPending) {
      scrollPending = true;
      requestAnimationFrame(() => { scrollPending = false; pre.scrollTop = pre.scrollHeight; });
    }
  }
  window.primer.log.push(line);
  console.log(line);
}

// Counts the frames a <video> element shows and reports its size, into the given object.
function watchVideo(video, into, onFirstFrame) {
  into.frames = 0;
  const count = () => {
    into.frames++;
    into.width = video.videoWidth;
    into.height = video.videoHeight;
    if (into.frames === 1 && onFirstFrame) onFirstFrame();
    video.requestVideoFrameCallback(count);
  };
  video.requestVideoFrameCallback(count);
}
