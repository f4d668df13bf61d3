package org.webrtcprimer.notebook;

/** A {@link Renderable} that is one {@link Table}: its HTML and its text are the table's. */
public interface TableView extends Renderable {

    /** The table this shows. */
    Table table();

    @Override
    default String toHtml() {
        return table().toHtml();
    }

    @Override
    default String toText() {
        return table().toText();
    }
}
