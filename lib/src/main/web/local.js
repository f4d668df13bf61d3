'use strict';
// pc1 → pc2 inside one page, timed the kit's way: Call → both connected, Call → first remote frame.

const primer = window.primer;
Object.assign(primer, {remote: {frames: 0, width: 0, height: 0}, connectedMs: null, setupMs: null, errors: []});

const startButton = document.getElementById('startButton');
const callButton = document.getElementById('callButton');
const hangupButton = document.getElementById('hangupButton');
const localVideo = document.getElementById('localVideo');
const remoteVideo = document.getElementById('remoteVideo');
let localStream = null;
let pc1 = null;
let pc2 = null;
let callStart = 0;

async function start() {
  startButton.disabled = true;
  weblog('Requesting local stream');
  localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
  localVideo.srcObject = localStream;
  weblog('Received local stream');
  callButton.disabled = false;
}

function other(pc) {
  return pc === pc1 ? pc2 : pc1;
}

function nameOf(pc) {
  return pc === pc1 ? 'pc1' : 'pc2';
}

// Resolves with the time (ms after Call) when both peers are connected and the first frame showed.
function call() {
  callButton.disabled = true;
  hangupButton.disabled = false;
  primer.connectedMs = null;
  primer.setupMs = null;
  callStart = performance.now();
  weblog('Starting call');
  pc1 = new RTCPeerConnection({});
  pc2 = new RTCPeerConnection({});
  weblog('Created local peer connection object pc1');
  weblog('Created remote peer connection object pc2');
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local call did not connect and show a frame within 10 s')), 10000);
    let connected = 0;
    const finish = () => {
      if (primer.connectedMs !== null && primer.setupMs !== null) {
        clearTimeout(timer);
        resolve({connectedMs: primer.connectedMs, setupMs: primer.setupMs});
      }
    };
    for (const pc of [pc1, pc2]) {
      pc.onicecandidate = (e) => {
        if (!e.candidate) return;
        other(pc).addIceCandidate(e.candidate).catch((err) => weblog(nameOf(pc) + ' addIceCandidate failed: ' + err));
      };
      pc.oniceconnectionstatechange = () => weblog(nameOf(pc) + ' ICE state: ' + pc.iceConnectionState);
      pc.onconnectionstatechange = () => {
        if (pc.connectionState !== 'connected') return;
        if (++connected === 2) {
          primer.connectedMs = performance.now() - callStart;
          weblog('both peers connected: ' + primer.connectedMs.toFixed(1) + ' ms');
          finish();
        }
      };
    }
    pc2.ontrack = (e) => {
      if (e.track.kind !== 'video') return;
      weblog('pc2 received remote stream');
      remoteVideo.srcObject = e.streams[0];
      primer.remote = {frames: 0, width: 0, height: 0};
      watchVideo(remoteVideo, primer.remote, () => {
        primer.setupMs = performance.now() - callStart;
        weblog('Setup time: ' + primer.setupMs.toFixed(3) + 'ms');
        finish();
      });
    };
  });
  const negotiate = (async () => {
    localStream.getTracks().forEach((track) => pc1.addTrack(track, localStream));
    weblog('Added local stream to pc1');
    const offer = await pc1.createOffer();
    await pc1.setLocalDescription(offer);
    await pc2.setRemoteDescription(offer);
    const answer = await pc2.createAnswer();
    await pc2.setLocalDescription(answer);
    await pc1.setRemoteDescription(answer);
  })();
  return Promise.all([negotiate, done]).then(([, times]) => times);
}

function hangup() {
  weblog('Ending call');
  if (pc1) pc1.close();
  if (pc2) pc2.close();
  pc1 = null;
  pc2 = null;
  remoteVideo.srcObject = null;
  hangupButton.disabled = true;
  callButton.disabled = false;
}

startButton.onclick = () => start().catch((e) => weblog('getUserMedia() error: ' + e.name));
callButton.onclick = () => call().catch((e) => weblog('call failed: ' + e.message));
hangupButton.onclick = () => hangup();
Object.assign(primer, {start, call, hangup});
