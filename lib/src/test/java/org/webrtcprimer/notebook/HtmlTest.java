package org.webrtcprimer.notebook;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {

    @Test
    void escapesMarkupQuotesAndControls() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", Html.escape("<script>alert(\"x\")</script>"));
        assertEquals("a &amp;amp; b &#39;c&#39;", Html.escape("a &amp; b 'c'"));
        assertEquals("tab\tand\nnewline stay, bell &#x7; goes", Html.escape("tab\tand\nnewline stay, bell \u0007 goes"));
        assertEquals("", Html.escape(null));
        assertEquals("中文 ✓", Html.escape("中文 ✓"));
        String plain = "nothing to escape";
        assertSame(plain, Html.escape(plain), "no copy when nothing changes");
    }

    @Test
    void pngRoundTrips() throws Exception {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, Color.ORANGE.getRGB());
        byte[] png = Html.png(img);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(Html.pngBase64(img))));
        assertEquals(7, back.getWidth());
        assertEquals(5, back.getHeight());
        assertEquals(Color.ORANGE.getRGB(), back.getRGB(3, 2));
        String tag = Html.img(img, "a \"frame\"");
        assertTrue(tag.startsWith("<img alt=\"a &quot;frame&quot;\" src=\"data:image/png;base64,iVBOR"), tag);
    }
}
