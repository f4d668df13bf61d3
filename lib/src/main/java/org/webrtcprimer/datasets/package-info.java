/**
 * The recorded data the lessons read (SDP offers from browsers, the article's logs), packed in the
 * jar. Bottom layer: JDK only.
 */
package org.webrtcprimer.datasets;
