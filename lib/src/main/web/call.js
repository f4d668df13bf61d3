'use strict';
// The caller's side of a remote call: the article's Start / Call / Hang Up, with the offer,
// answer and candidates sent through the signaling server instead of handed to a pc2 in the
// same page. window.primer holds what a test or a curious learner wants to read.

const primer = window.primer;
Object.assign(primer, {
  state: 'idle',          // idle → started → calling → connected → ended
  remote: {frames: 0, width: 0, height: 0},
  received: [],           // data channel texts from the Java peer
  errors: [],             // signaling errors and failures
  connectedMs: null,      // Call → pc1 connected
  setupMs: null,          // Call → first remote frame
});

const startButton = document.getElementById('startButton');
const callButton = document.getElementById('callButton');
const hangupButton = document.getElementById('hangupButton');
const stopButton = document.getElementById('stopButton');
const sdpButton = document.getElementById('sdpButton');
const sendButton = document.getElementById('sendButton');
const chatInput = document.getElementById('chatInput');
const localVideo = document.getElementById('localVideo');
const remoteVideo = document.getElementById('remoteVideo');
const statusLine = document.getElementById('status');

let config = null;
let ws = null;
let joined = null;        // resolves when the server says 'joined'
let peerPresent = false;
let peerWaiters = [];
let answerWaiter = null;
let pc = null;
let localStream = null;
let channel = null;
let callStart = 0;
let pendingCandidates = [];
let callEvents = 0;       // where this call's events start in primer.events

function setStatus(text) {
  statusLine.textContent = text;
}

function enable(started, inCall) {
  startButton.disabled = started;
  callButton.disabled = !started || inCall;
  hangupButton.disabled = !inCall;
  stopButton.disabled = !started || inCall;
  sdpButton.disabled = !inCall;
  sendButton.disabled = !inCall;
  chatInput.disabled = !inCall;
}

async function loadConfig() {
  if (config) return config;
  const params = new URLSearchParams(location.search);
  const served = await (await fetch('config.json')).json();
  // The server's address comes from the page server; another one only if it is on this machine
  // or this page's own host, so that a link cannot send the room token elsewhere.
  let signaling = served.signaling;
  const asked = params.get('signaling');
  if (asked) {
    let host = '';
    try { host = new URL(asked).hostname; } catch (e) { /* not an address */ }
    const local = ['127.0.0.1', 'localhost', '[::1]', '::1', location.hostname];
    if (/^wss?:$/.test(new URL(asked, location.href).protocol) && local.includes(host)) signaling = asked;
    else weblog('ignored ?signaling=' + asked + ': only a server on this machine or on ' + location.hostname + ' is used');
  }
  // The room token is in this page's own address (the server printed it); config.json does not carry it.
  const token = params.get('token');
  if (token) signaling += (signaling.includes('?') ? '&' : '/?') + 'token=' + encodeURIComponent(token);
  config = {
    signaling: signaling,
    room: params.get('room') || served.room,
    name: params.get('name') || 'pc1',
    waitMs: Number(params.get('wait')) || 10000,   // how long Call waits for the Java peer to be there
  };
  return config;
}

function send(message) {
  ws.send(JSON.stringify(message));
}

function connectSignaling() {
  if (joined) return joined;
  joined = new Promise((resolve, reject) => {
    ws = new WebSocket(config.signaling);
    ws.onopen = () => send({type: 'join', room: config.room, name: config.name});
    ws.onerror = () => reject(new Error('could not reach the signaling server at ' + config.signaling));
    ws.onclose = (e) => {
      weblog('signaling connection closed (code ' + e.code + (e.reason ? ': ' + e.reason : '') + ')');
      ws = null;
      joined = null;
      peerPresent = false;
      reject(new Error('the signaling connection closed'));
      if (pc) hangup(false);
    };
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      switch (m.type) {
        case 'joined':
          peerPresent = m.peers.length > 0;
          weblog('joined room ' + m.room + ' as ' + m.name + (peerPresent ? ' with ' + m.peers.join(', ') : ', alone'));
          if (peerPresent) peerWaiters.splice(0).forEach((w) => w());
          resolve();
          break;
        case 'peer-joined':
          weblog(m.name + ' joined the room');
          peerPresent = true;
          peerWaiters.splice(0).forEach((w) => w());
          break;
        case 'peer-left':
          weblog(m.name + ' left the room (' + m.reason + ')');
          peerPresent = false;
          if (pc) hangup(false);
          break;
        case 'answer':
          if (answerWaiter) answerWaiter(m);
          break;
        case 'candidate':
          if (!pc || !m.candidate) break;
          // A candidate can overtake the answer; keep it until the answer is applied.
          if (!pc.remoteDescription) pendingCandidates.push(m);
          else addCandidate(m);
          break;
        case 'bye':
          weblog(m.from + ' hung up');
          if (pc) hangup(false);
          break;
        case 'ping':
          // Clock probe from the Java side: answer at once with this page's clock, in ns.
          send({type: 'pong', t0: m.t0, t1: Math.round(performance.now() * 1e6)});
          break;
        case 'error':
          weblog('signaling error ' + m.code + ': ' + m.message);
          primer.errors.push(m.code + ': ' + m.message);
          break;
        default:
          break;
      }
    };
  });
  return joined;
}

function addCandidate(m) {
  pc.addIceCandidate({candidate: m.candidate, sdpMid: m.sdpMid, sdpMLineIndex: m.sdpMLineIndex})
    .catch((err) => weblog('pc1 addIceCandidate failed: ' + err));
}

function waitForPeer(ms) {
  if (peerPresent) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('nobody else is in room ' + config.room +
        ' — start the Java callee first')), ms);
    peerWaiters.push(() => { clearTimeout(timer); resolve(); });
  });
}

function waitForAnswer(ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer came back within ' + ms + ' ms')), ms);
    answerWaiter = (m) => { clearTimeout(timer); answerWaiter = null; resolve(m); };
  });
}

async function start() {
  startButton.disabled = true;
  weblog('Requesting local stream');
  try {
    localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
  } catch (e) {
    weblog('getUserMedia() error: ' + e.name);
    primer.errors.push('getUserMedia: ' + e.name);
    startButton.disabled = false;
    throw e;
  }
  localVideo.srcObject = localStream;
  weblog('Received local stream');
  primer.state = 'started';
  setStatus('Camera and microphone open. Press Call.');
  enable(true, false);
}

async function call() {
  enable(true, true);
  primer.state = 'calling';
  primer.connectedMs = null;
  primer.setupMs = null;
  primer.remote = {frames: 0, width: 0, height: 0};
  callStart = performance.now();
  callEvents = primer.events.length;
  weblog('Starting call');
  try {
    await loadConfig();
    await connectSignaling();
    await waitForPeer(config.waitMs);
    const videoTracks = localStream.getVideoTracks();
    if (videoTracks.length > 0) weblog('Using video device: ' + videoTracks[0].label);
    pendingCandidates = [];
    pc = new RTCPeerConnection({});
    weblog('Created local peer connection object pc1');
    pc.onicecandidate = (e) => {
      if (e.candidate) {
        send({type: 'candidate', candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid,
              sdpMLineIndex: e.candidate.sdpMLineIndex});
        weblog('pc1 ICE candidate: ' + e.candidate.candidate);
      }
    };
    pc.oniceconnectionstatechange = () => weblog('pc1 ICE state: ' + (pc ? pc.iceConnectionState : 'closed'));
    pc.onconnectionstatechange = () => {
      if (!pc) return;
      weblog('pc1 connection state: ' + pc.connectionState);
      if (pc.connectionState === 'connected' && primer.connectedMs === null) {
        primer.connectedMs = performance.now() - callStart;
        primer.state = 'connected';
        setStatus('Connected to the Java peer in ' + primer.connectedMs.toFixed(1) + ' ms.');
      }
    };
    pc.ontrack = (e) => {
      if (e.track.kind !== 'video') return;
      weblog('pc1 received remote stream');
      remoteVideo.srcObject = e.streams[0] || new MediaStream([e.track]);
      watchVideo(remoteVideo, primer.remote, () => {
        primer.setupMs = performance.now() - callStart;
        weblog('Setup time: ' + primer.setupMs.toFixed(3) + 'ms');
      });
    };
    channel = pc.createDataChannel('chat');
    channel.onopen = () => weblog('data channel chat is open');
    channel.onmessage = (e) => {
      primer.received.push(e.data);
      weblog('data channel received: ' + e.data);
    };
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    weblog('Added local stream to pc1');
    weblog('pc1 createOffer start');
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    weblog('pc1 setLocalDescription complete');
    send({type: 'offer', sdp: offer.sdp});
    weblog('sent the offer to the Java peer through the signaling server');
    const answer = await waitForAnswer(10000);
    weblog('received the answer from ' + answer.from);
    await pc.setRemoteDescription({type: 'answer', sdp: answer.sdp});
    weblog('pc1 setRemoteDescription complete');
    pendingCandidates.splice(0).forEach(addCandidate);
  } catch (e) {
    weblog('call failed: ' + e.message);
    primer.errors.push('call: ' + e.message);
    hangup(false);
  }
}

remoteVideo.addEventListener('resize', () => {
  weblog('Remote video size changed to ' + remoteVideo.videoWidth + 'x' + remoteVideo.videoHeight);
});

// Sends this call's log lines to the Java peer, as the kit's callee does, so that a notebook
// can lay both sides on one clock (the page answers the kit's clock pings for that).
function sendLog() {
  const events = primer.events.slice(callEvents);
  for (let i = 0; i < events.length || i === 0; i += 100) {
    send({type: 'log', events: events.slice(i, i + 100), last: i + 100 >= events.length});
  }
}

function hangup(tell = true) {
  if (!pc) return;
  weblog('Ending call');
  if (tell && ws && ws.readyState === WebSocket.OPEN) {
    send({type: 'bye'});
    if (peerPresent) sendLog();
  }
  if (channel) channel.close();
  pc.close();
  pc = null;
  channel = null;
  answerWaiter = null;
  remoteVideo.srcObject = null;
  primer.state = 'ended';
  setStatus('Call ended.');
  enable(true, false);
}

function stop() {
  if (localStream) localStream.getTracks().forEach((t) => t.stop());
  localStream = null;
  localVideo.srcObject = null;
  weblog('Stopped the camera and microphone');
  primer.state = 'idle';
  setStatus('Not started.');
  startButton.disabled = false;
  enable(false, false);
}

function displaySdp() {
  if (!pc) return;
  const local = pc.localDescription ? pc.localDescription.sdp : '(none)';
  const remote = pc.remoteDescription ? pc.remoteDescription.sdp : '(none)';
  document.getElementById('sdp').textContent =
      'Offer from pc1 (this page)\n' + local + '\nAnswer from pc2 (the Java peer)\n' + remote;
}

function sendText(text) {
  if (!channel || channel.readyState !== 'open') throw new Error('the data channel is not open');
  channel.send(text);
  weblog('data channel sent: ' + text);
}

startButton.onclick = () => start().catch(() => {});
callButton.onclick = () => call();
hangupButton.onclick = () => hangup(true);
stopButton.onclick = () => stop();
sdpButton.onclick = () => displaySdp();
sendButton.onclick = () => {
  if (chatInput.value) sendText(chatInput.value);
  chatInput.value = '';
};

Object.assign(primer, {start, call, hangup, stop, displaySdp, send: sendText});
loadConfig().then((c) => setStatus('Not started. Room ' + c.room + ' on ' + c.signaling.replace(/[?&]token=[^&]*/, '') + '.'));
