package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Makes YAML parsers that refuse what a protocol file never needs and Jackson would quietly accept:
 * aliases ({@code *a}, the stuff of alias bombs) and explicit tags ({@code !!java.net.URL}, {@code !foo},
 * which Jackson drops, so that a file means something other than it says). The check is made on
 * SnakeYAML's events, where every alias and tag is seen, the keys of mappings included.
 */
final class GuardedYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    private static final String CORE_TAG = "tag:yaml.org,2002:";

    GuardedYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    private GuardedYamlFactory(GuardedYamlFactory source) {
        super(source, null);
    }

    /** A copy that still guards (a mapper's copy copies its factory). */
    @Override
    public YAMLFactory copy() {
        return new GuardedYamlFactory(this);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return new Guarded(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return _createParser(new CharArrayReader(data, offset, len), ctxt);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return _createParser(_createReader(in, null, ctxt), ctxt);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return _createParser(_createReader(data, offset, len, null, ctxt), ctxt);
    }

    /** The tag as written: {@code !!str} for YAML's own tags, {@code !foo} for the others. */
    static String written(String tag) {
        return tag.startsWith(CORE_TAG) ? "!!" + tag.substring(CORE_TAG.length()) : tag.startsWith("!") ? tag : "!" + tag;
    }

    private static final class Guarded extends YAMLParser {
        Guarded(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions loaderOptions, ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event event = super.getEvent();
            if (event instanceof AliasEvent alias) {
                throw refused(event, "YAML aliases (*" + alias.getAnchor() + ") are not allowed in protocol files;"
                        + " write the value out in full (hazard curves can be shared by id instead)");
            }
            String tag = event instanceof ScalarEvent s ? s.getTag()
                    : event instanceof CollectionStartEvent c ? c.getTag() : null;
            if (tag != null) {
                throw refused(event, "YAML tags (" + written(tag) + ") are not allowed in protocol files, which hold plain"
                        + " values only; remove the tag (put a text in quotes if it must stay a text)");
            }
            return event;
        }

        private RefusedInput refused(Event event, String message) {
            Mark mark = event.getStartMark();
            return new RefusedInput(this, message, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
        }
    }
}
