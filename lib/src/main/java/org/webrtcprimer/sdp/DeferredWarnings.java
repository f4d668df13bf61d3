package org.webrtcprimer.sdp;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import static org.webrtcprimer.sdp.SdpParser.MAX_WARNINGS;

/**
 * The warnings of a lenient parse. Reading the lines gave the structural ones; each
 * attribute's syntax is checked the first time the list is read, over the parsed model, and
 * its warnings are put where the reading would have found them (after the other warnings of
 * the same line) — the same list, in the same order, with the same cap, as checking while
 * reading would give.
 */
final class DeferredWarnings extends AbstractList<SdpWarning> {
    private List<SdpWarning> reading;
    private int[] keys;
    private final int readingCount, readingErrors, endLine;
    private List<Attribute> sessionAttributes;
    private List<MediaSection> media;
    private List<SdpLine> lines;
    /** Each m-section's formats as the parser read them (their checks' state still untouched: lenient mode checks nothing while reading). */
    private List<AttributeChecks.Section> sections;
    private List<SdpWarning> all;

    /** keys[i] orders reading[i] among the attributes' checks: the line being read when it was found. */
    DeferredWarnings(List<SdpWarning> reading, int[] keys, int readingCount, int readingErrors, int endLine,
                     List<Attribute> sessionAttributes, List<MediaSection> media, List<AttributeChecks.Section> sections, List<SdpLine> lines) {
        this.sections = sections;
        this.reading = reading;
        this.keys = keys;
        this.readingCount = readingCount;
        this.readingErrors = readingErrors;
        this.endLine = endLine;
        this.sessionAttributes = sessionAttributes;
        this.media = media;
        this.lines = lines;
    }

    private synchronized List<SdpWarning> all() {
        if (all != null) return all;
        // each a= line by its number (lines are in ascending order): the text of a problem is made only for a problem
        SdpLine[] byNumber = new SdpLine[lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1];
        for (SdpLine l : lines) if (l.type() == 'a') byNumber[l.number()] = l;
        List<SdpWarning> checks = new ArrayList<>();
        int[] checked = {0, 0};
        AttributeChecks.Problems collect = (line, message, text, error) -> {
            checked[0]++;
            if (error) checked[1]++;
            if (checks.size() < MAX_WARNINGS) checks.add(new SdpWarning(line, message, text == null ? null : SdpLine.shorten(text), error));
        };
        for (Attribute a : sessionAttributes) AttributeChecks.check(a, null, byNumber[a.line()], collect);
        for (int i = 0; i < media.size(); i++) {
            AttributeChecks.Section section = sections.get(i);
            for (Attribute a : media.get(i).attributes()) AttributeChecks.check(a, section, byNumber[a.line()], collect);
        }
        all = merge(checks, checked[0], checked[1]);
        reading = null; // what the computation needed can go
        keys = null;
        sessionAttributes = null;
        media = null;
        sections = null;
        lines = null;
        return all;
    }

    /** A reading warning of line L comes before the checks of line L; beyond the cap, one line counts the rest. */
    private List<SdpWarning> merge(List<SdpWarning> checks, int checked, int checkedErrors) {
        List<SdpWarning> out = new ArrayList<>(Math.min(MAX_WARNINGS, reading.size() + checks.size()) + 1);
        int i = 0, j = 0;
        while (out.size() < MAX_WARNINGS && (i < reading.size() || j < checks.size())) {
            if (j >= checks.size() || (i < reading.size() && keys[i] <= checks.get(j).line())) out.add(reading.get(i++));
            else out.add(checks.get(j++));
        }
        int suppressed = readingCount + checked - out.size();
        if (suppressed > 0) {
            int listedErrors = 0;
            for (SdpWarning w : out) if (w.error()) listedErrors++;
            out.add(new SdpWarning(endLine, suppressed + " more problems not listed", null, readingErrors + checkedErrors > listedErrors));
        }
        return List.copyOf(out);
    }

    @Override
    public SdpWarning get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }
}
