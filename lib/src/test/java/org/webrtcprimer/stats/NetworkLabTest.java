package org.webrtcprimer.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Impairment;
import org.webrtcprimer.net.Network;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 11's bench on a real relayed call: sections from the stats, their comparison, the four charts. */
@Timeout(120)
class NetworkLabTest {

    @Test
    void sectionsComparisonAndChartsComeFromTheRun() {
        MediaStream localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        LocalCall call = LocalCall.call(localStream, CallOptions.defaults().withNetwork(Network.perfect()));
        try (NetworkLab lab = NetworkLab.start(call)) {
            NetworkLab.Section perfect = lab.hold(Duration.ofSeconds(2), "perfect");
            call.relay().setBoth(Impairment.none().withDelay(60));
            lab.hold(Duration.ofSeconds(1), "settling");
            NetworkLab.Section delay = lab.hold(Duration.ofSeconds(4), "delay 60 ms each way");
            assertEquals(List.of("perfect", "settling", "delay 60 ms each way"), lab.sections().stream().map(NetworkLab.Section::label).toList());
            assertTrue(perfect.relaySeen() > 100, "the relay carried the call: " + perfect);
            assertTrue(delay.rttMs() >= 100, "120 ms round trip through the relay: " + delay.rttMs());
            assertTrue(lab.compare("perfect", "delay 60 ms each way").toHtml().contains("the round trip went from"),
                    lab.compare("perfect", "delay 60 ms each way").toText());
            for (Chart c : List.of(lab.roundTrip(), lab.repairs(), lab.bandwidth(), lab.queue())) {
                assertTrue(c.image().getWidth() > 300, c.title());
            }
            assertTrue(lab.table().toHtml().contains("delay 60 ms each way"));
        } finally {
            call.hangup();
            localStream.stop();
        }
    }
}
