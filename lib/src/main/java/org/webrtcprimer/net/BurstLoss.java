package org.webrtcprimer.net;

/**
 * Bursty loss as a two-state Gilbert–Elliott channel: in the good state packets are lost with
 * probability {@code goodLossPct}, in the bad state with {@code badLossPct}; after each packet the
 * channel moves good → bad with probability {@code toBadPct} and bad → good with {@code toGoodPct}.
 * The mean burst lasts {@code 100 / toGoodPct} packets; the long-run loss is
 * {@code (toBad·bad + toGood·good) / (toBad + toGood)}.
 */
public record BurstLoss(double toBadPct, double toGoodPct, double badLossPct, double goodLossPct) {

    public BurstLoss {
        for (double v : new double[]{toBadPct, toGoodPct, badLossPct, goodLossPct}) {
            if (Double.isNaN(v) || v < 0 || v > 100) {
                throw new IllegalArgumentException("Gilbert–Elliott probabilities are percentages 0–100, got " + v);
            }
        }
        if (toGoodPct == 0) {
            throw new IllegalArgumentException("toGoodPct 0 would stay in the bad state forever — use e.g. 30 (bursts of ~3 packets)");
        }
    }

    /** The simple Gilbert model: every packet in the bad state is lost, none in the good one. */
    public static BurstLoss gilbert(double toBadPct, double toGoodPct) {
        return new BurstLoss(toBadPct, toGoodPct, 100, 0);
    }

    /** The share of packets lost in the long run, in percent. */
    public double meanLossPct() {
        double piBad = toBadPct / (toBadPct + toGoodPct);
        return piBad * badLossPct + (1 - piBad) * goodLossPct;
    }

    /** The mean number of packets the channel stays in the bad state. */
    public double meanBurstPackets() {
        return 100 / toGoodPct;
    }

    @Override
    public String toString() {
        return String.format("bursty loss %.1f %% (bursts of %.1f packets)", meanLossPct(), meanBurstPackets());
    }
}
