package org.webrtcprimer.turn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.notebook.Table;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Lesson 13's bench where coturn is missing: every TURN view shows the install note instead of
 * failing, and the NAT half of the matrix still runs and reads its own result.
 */
@Timeout(120)
public class NatLabTest {

    @Test
    void withoutCoturnTheTurnViewsShowTheInstallNote() {
        String old = System.getProperty(Coturn.BINARY_PROPERTY);
        System.setProperty(Coturn.BINARY_PROPERTY, "/nonexistent/turnserver");
        try (NatLab lab = NatLab.start()) {
            assertFalse(lab.hasTurn());
            assertTrue(lab.toText().contains(Coturn.INSTALL_COMMAND), lab.toText());
            for (Object view : List.of(lab.relayOnly(null, "udp"), lab.timeLimited(null, "ana", Duration.ofMinutes(1)),
                    lab.exchange(NatKind.SYMMETRIC, NatKind.SYMMETRIC))) {
                assertTrue(view instanceof Table t && t.toText().contains(Coturn.INSTALL_COMMAND), String.valueOf(view));
            }
            assertNull(lab.brokenIceServer());
            assertTrue(lab.tryIceServer(null).orElseThrow().contains(Coturn.INSTALL_COMMAND));
            TurnServerException e = assertThrows(TurnServerException.class, lab::server);
            assertTrue(e.getMessage().contains(Coturn.INSTALL_COMMAND), e.getMessage());

            NatMatrix m = lab.matrix(List.of(NatKind.NONE, NatKind.SYMMETRIC), Duration.ofMillis(2500));
            assertEquals(4, m.withoutTurn().size());
            assertTrue(m.withTurn().isEmpty());
            assertTrue(m.table(true).toText().contains(Coturn.INSTALL_COMMAND));
            assertFalse(m.run(NatKind.SYMMETRIC, NatKind.SYMMETRIC, false).orElseThrow().connected());
            assertTrue(m.run(NatKind.NONE, NatKind.SYMMETRIC, false).orElseThrow().connected());
            assertTrue(m.sentence(false).startsWith("3 of 4 pairs connected without TURN; these did not: symmetric ↔ symmetric."),
                    m.sentence(false));
            assertTrue(m.sentence(false).endsWith("every cell agrees."), m.sentence(false));
        } finally {
            if (old == null) System.clearProperty(Coturn.BINARY_PROPERTY);
            else System.setProperty(Coturn.BINARY_PROPERTY, old);
        }
    }
}
