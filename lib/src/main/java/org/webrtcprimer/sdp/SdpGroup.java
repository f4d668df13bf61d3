package org.webrtcprimer.sdp;

/** What a line is about, for grouping a dissection. Declared in display order. */
public enum SdpGroup {
    SESSION("Session", "会话"),
    ORIGIN("Origin", "发起者"),
    TIMING("Timing", "时间"),
    MEDIA("Media & direction", "媒体与方向"),
    CONNECTION("Connection & bandwidth", "连接与带宽"),
    BUNDLING("Bundling (mid, BUNDLE)", "捆绑 (mid, BUNDLE)"),
    ICE("ICE", "ICE 连通性"),
    DTLS("Security (DTLS / SRTP)", "安全 (DTLS / SRTP)"),
    CODECS("Codecs", "编解码器"),
    RTCP("RTCP", "RTCP"),
    RTP_EXTENSIONS("RTP header extensions", "RTP 头部扩展"),
    STREAMS("Streams & SSRCs", "媒体流与 SSRC"),
    SIMULCAST("Simulcast (rid)", "联播 (rid)"),
    DATA_CHANNEL("Data channel (SCTP)", "数据通道 (SCTP)"),
    OTHER("Other", "其他");

    private final String english;
    private final String chinese;

    SdpGroup(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
