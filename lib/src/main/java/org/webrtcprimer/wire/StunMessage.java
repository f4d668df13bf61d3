package org.webrtcprimer.wire;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 §5): the class and method taken from its type, its transaction id and
 * its attributes, with the ones ICE (RFC 8445 §7.1) and TURN (RFC 8656) use read out.
 * Made by {@link Stun#decode(byte[])}.
 *
 * @param type          the 14-bit message type as sent
 * @param messageClass  request, indication, success or error response (RFC 8489 §5)
 * @param method        the 12-bit method: 0x001 Binding, 0x003 Allocate … (RFC 8656 §17)
 * @param length        the header's message length (bytes after the 20-byte header)
 * @param transactionId the 96-bit transaction id, in hex
 * @param attributes    every attribute, in order
 * @param fingerprintValid null without a FINGERPRINT; else whether its CRC-32 matches (RFC 8489 §14.7)
 * @param problem       what could not be read, or null
 * @param raw           the message's bytes (a copy), for {@link #integrityValid(byte[])}
 */
public record StunMessage(int type, StunClass messageClass, int method, int length, String transactionId,
                          List<StunAttribute> attributes, Boolean fingerprintValid, String problem, byte[] raw)
        implements Decoded {

    /** STUN's four classes (RFC 8489 §5). */
    public enum StunClass {
        REQUEST("request"), INDICATION("indication"), SUCCESS("success response"), ERROR("error response");

        private final String label;

        StunClass(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public StunMessage {
        attributes = List.copyOf(attributes);
    }

    @Override
    public Kind kind() {
        return Kind.STUN;
    }

    /** The method's name: Binding, Allocate, Refresh, Send, Data, CreatePermission, ChannelBind … */
    public String methodName() {
        return Stun.methodName(method);
    }

    /** e.g. "Binding request", "Allocate error response". */
    public String name() {
        return methodName() + " " + messageClass.label();
    }

    /** The first attribute of this type. */
    public Optional<StunAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    public boolean has(int type) {
        return attribute(type).isPresent();
    }

    private String text(int type) {
        return attribute(type).map(StunAttribute::text).orElse(null);
    }

    /** USERNAME: in ICE, "the receiver's ufrag:the sender's ufrag" (RFC 8445 §7.2.2). */
    public String username() {
        return attribute(Stun.USERNAME).map(a -> Stun.utf8(a.value())).orElse(null);
    }

    /** PRIORITY (RFC 8445 §7.1.1), or null. */
    public Long priority() {
        return attribute(Stun.PRIORITY).filter(a -> a.value().length == 4).map(a -> Bytes.u32(a.value(), 0)).orElse(null);
    }

    /** USE-CANDIDATE present: the controlling agent nominates this pair (RFC 8445 §7.1.2). */
    public boolean useCandidate() {
        return has(Stun.USE_CANDIDATE);
    }

    /** ICE-CONTROLLING's tie-breaker, or null (RFC 8445 §7.1.3). */
    public String iceControlling() {
        return text(Stun.ICE_CONTROLLING);
    }

    /** ICE-CONTROLLED's tie-breaker, or null (RFC 8445 §7.1.3). */
    public String iceControlled() {
        return text(Stun.ICE_CONTROLLED);
    }

    /** XOR-MAPPED-ADDRESS (RFC 8489 §14.2): the address the request came from, as the responder saw it. */
    public InetSocketAddress xorMappedAddress() {
        return address(Stun.XOR_MAPPED_ADDRESS);
    }

    /** XOR-RELAYED-ADDRESS (RFC 8656 §18.5): the relayed transport address a TURN server allocated. */
    public InetSocketAddress xorRelayedAddress() {
        return address(Stun.XOR_RELAYED_ADDRESS);
    }

    /** XOR-PEER-ADDRESS (RFC 8656 §18.3): the peer a TURN client sends to or hears from. */
    public InetSocketAddress xorPeerAddress() {
        return address(Stun.XOR_PEER_ADDRESS);
    }

    private InetSocketAddress address(int type) {
        return attribute(type).map(a -> Stun.xorAddress(a.value(), raw)).orElse(null);
    }

    /** LIFETIME in seconds (RFC 8656 §18.2), or null. */
    public Long lifetime() {
        return attribute(Stun.LIFETIME).filter(a -> a.value().length == 4).map(a -> Bytes.u32(a.value(), 0)).orElse(null);
    }

    /** REALM (RFC 8489 §14.9), or null. */
    public String realm() {
        return attribute(Stun.REALM).map(a -> Stun.utf8(a.value())).orElse(null);
    }

    /** NONCE (RFC 8489 §14.10), or null. */
    public String nonce() {
        return attribute(Stun.NONCE).map(a -> Stun.utf8(a.value())).orElse(null);
    }

    /** REQUESTED-TRANSPORT's IP protocol number (17 = UDP, RFC 8656 §18.7), or null. */
    public Integer requestedTransport() {
        return attribute(Stun.REQUESTED_TRANSPORT).filter(a -> a.value().length >= 1).map(a -> Bytes.u8(a.value(), 0)).orElse(null);
    }

    /** CHANNEL-NUMBER (RFC 8656 §18.1), or null. */
    public Integer channelNumber() {
        return attribute(Stun.CHANNEL_NUMBER).filter(a -> a.value().length >= 2).map(a -> Bytes.u16(a.value(), 0)).orElse(null);
    }

    /** DATA's bytes (RFC 8656 §18.4: what a Send or Data indication carries), or null. */
    public byte[] data() {
        return attribute(Stun.DATA).map(StunAttribute::value).orElse(null);
    }

    /** ERROR-CODE's number, e.g. 401 or 487 (RFC 8489 §14.8), or null. */
    public Integer errorCode() {
        return attribute(Stun.ERROR_CODE).filter(a -> a.value().length >= 4)
                .map(a -> (a.value()[2] & 0x07) * 100 + (a.value()[3] & 0xff)).orElse(null);
    }

    /** ERROR-CODE's reason phrase, or null. */
    public String errorReason() {
        return attribute(Stun.ERROR_CODE).filter(a -> a.value().length >= 4)
                .map(a -> Stun.utf8(java.util.Arrays.copyOfRange(a.value(), 4, a.value().length))).orElse(null);
    }

    /** SOFTWARE, or null. */
    public String software() {
        return attribute(Stun.SOFTWARE).map(a -> Stun.utf8(a.value())).orElse(null);
    }

    /** MESSAGE-INTEGRITY present (HMAC-SHA1, RFC 8489 §14.5). */
    public boolean hasIntegrity() {
        return has(Stun.MESSAGE_INTEGRITY);
    }

    /** MESSAGE-INTEGRITY-SHA256 present (RFC 8489 §14.6). */
    public boolean hasIntegritySha256() {
        return has(Stun.MESSAGE_INTEGRITY_SHA256);
    }

    /** FINGERPRINT present (RFC 8489 §14.7). */
    public boolean hasFingerprint() {
        return has(Stun.FINGERPRINT);
    }

    /**
     * Whether MESSAGE-INTEGRITY's HMAC-SHA1 matches with this key (RFC 8489 §14.5): in ICE the key
     * is the password of the agent that receives the request (its a=ice-pwd); for TURN's long-term
     * credentials see {@link Stun#longTermKey}. False when there is no MESSAGE-INTEGRITY.
     */
    public boolean integrityValid(byte[] key) {
        return Stun.integrityValid(this, key);
    }

    /** Whether MESSAGE-INTEGRITY matches with an ICE password (short-term credential, RFC 8489 §9.1.1). */
    public boolean integrityValid(String password) {
        return integrityValid(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder(name());
        String u = username();
        if (u != null) s.append(", USERNAME ").append(u);
        if (useCandidate()) s.append(", USE-CANDIDATE");
        if (iceControlling() != null) s.append(", ICE-CONTROLLING");
        if (iceControlled() != null) s.append(", ICE-CONTROLLED");
        if (priority() != null) s.append(", PRIORITY ").append(priority());
        InetSocketAddress m = xorMappedAddress();
        if (m != null) s.append(", XOR-MAPPED-ADDRESS ").append(Stun.show(m));
        InetSocketAddress r = xorRelayedAddress();
        if (r != null) s.append(", XOR-RELAYED-ADDRESS ").append(Stun.show(r));
        InetSocketAddress p = xorPeerAddress();
        if (p != null) s.append(", XOR-PEER-ADDRESS ").append(Stun.show(p));
        if (channelNumber() != null) s.append(String.format(Locale.ROOT, ", CHANNEL-NUMBER 0x%04X", channelNumber()));
        if (lifetime() != null) s.append(", LIFETIME ").append(lifetime()).append(" s");
        if (data() != null) s.append(", DATA ").append(data().length).append(" bytes");
        if (errorCode() != null) s.append(", ERROR-CODE ").append(errorCode()).append(' ').append(errorReason());
        if (hasIntegrity()) s.append(", MESSAGE-INTEGRITY");
        if (hasFingerprint()) s.append(", FINGERPRINT").append(Boolean.FALSE.equals(fingerprintValid) ? " (wrong CRC)" : "");
        if (problem != null) s.append(" — ").append(problem);
        return s.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
