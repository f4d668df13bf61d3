package org.webrtcprimer.turn;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the tests of calls through coturn share (SrflxThroughNatTest, NatMatrixTest,
 * TurnExchangeTest): one coturn with UDP and TCP listeners (no TLS: no certificate to make) for
 * the whole class, stopped after it; the class is skipped with the install note where coturn is missing.
 */
public abstract class CoturnFixture {

    protected static TurnServer turn;

    @BeforeAll
    static void startCoturn() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
        turn = TurnServer.start(TurnConfig.defaults().withoutTransport("tls"));
    }

    @AfterAll
    static void stopCoturn() {
        if (turn != null) turn.stop();
        turn = null;
    }
}
