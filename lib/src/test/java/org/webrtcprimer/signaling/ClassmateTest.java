package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Join links for classmates: the server's token, a room per pair; a bad link says what is wrong. (The call itself: HubClassroomIT.) */
class ClassmateTest {

    @Test
    void oneLinkPerPairWithTheServersTokenAndARoomOfItsOwn() {
        try (SignalingServer server = SignalingServer.start()) {
            List<String> links = Classmate.links(server, 3);
            assertEquals(3, links.size());
            assertEquals(3, new HashSet<>(links).size(), "every pair has its own room: " + links);
            for (String l : links) {
                assertTrue(l.startsWith(Classmate.SCHEME + server.url()), "the link starts with the server's address and token: " + l);
                assertTrue(l.matches(".*[?&]room=pair-[1-3]-[0-9a-f]{12}$"), l);
            }
            assertTrue(Classmate.joinLinks(server, 2).toText().contains("pair-2-"));
            assertThrows(IllegalArgumentException.class, () -> Classmate.links(server, 0));
        }
    }

    @Test
    void aLinkThatIsNotAJoinLinkSaysSo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Classmate.join("ws://127.0.0.1:1/", "ann", null, java.time.Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains(Classmate.SCHEME), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Classmate.join(Classmate.SCHEME + "ws://127.0.0.1:1/?token=abcdefgh", "ann", null,
                java.time.Duration.ofSeconds(1)));
        assertTrue(f.getMessage().contains("names no room"), f.getMessage());
    }
}
