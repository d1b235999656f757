package io.reelx.exchange.rights.ema.sheet;

import io.reelx.exchange.rights.ema.domain.AvailRow;
import io.reelx.exchange.rights.ema.domain.EmaColumn;
import java.io.OutputStream;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes avails rows as XML, streamed: {@code <Avails><Avail>} per row with one element per sheet
 * column (the sheet's vocabulary, not the full EMA XML schema), so the XML and the sheet say the
 * same thing cell for cell.
 */
public final class AvailsXmlWriter {

  public static final String NAMESPACE = "urn:reelx:ema-avails:1";

  public static void write(Consumer<Consumer<AvailRow>> source, OutputStream out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Avails");
      xml.writeDefaultNamespace(NAMESPACE);
      source.accept(row -> {
        try {
          xml.writeStartElement("Avail");
          for (EmaColumn column : EmaColumn.values()) {
            xml.writeStartElement(column.header());
            xml.writeCharacters(column.write(row));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        } catch (XMLStreamException e) {
          throw new IllegalStateException(e);
        }
      });
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private AvailsXmlWriter() {}
}
