package paiban.render;

import org.w3c.dom.Document;
import paiban.core.PaibanException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses layout templates with DTDs and external entities off, so that a template can neither read
 * a file nor open a connection through XML.
 */
public final class XmlDocuments {

    private XmlDocuments() {
    }

    /** Parses {@code file}; {@code name} is how errors name it. */
    public static Document parse(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return builder().parse(in, file.toUri().toString());
        } catch (org.xml.sax.SAXParseException e) {
            throw new PaibanException(name + ":" + e.getLineNumber() + ": not well-formed XHTML: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? " (templates may not have a DOCTYPE: paiban parses them with DTDs off)" : ""));
        } catch (IOException | org.xml.sax.SAXException e) {
            throw new PaibanException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new org.xml.sax.SAXException("external entity refused: " + systemId);
            });
            b.setErrorHandler(null);
            return b;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
