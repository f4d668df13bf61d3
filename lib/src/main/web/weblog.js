'use strict';
// A log like the article's: every line stamped with seconds since the page loaded, [12.345].
// Lines are kept in window.primer.log as well, for tests and the notebook to read.
window.primer = window.primer || {};
window.primer.log = [];

function weblog(text) {
  const line = '[' + (performance.now() / 1000).toFixed(3) + '] ' + text;
  const pre = document.getElementById('log');
  if (pre) {
    pre.textContent += line + '\n';
    pre.scrollTop = pre.scrollHeight;
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
