package procshell.shell.iex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.Deflater;

import procshell.runtime.dist.Distribution;
import procshell.runtime.dist.NodeTable;
import procshell.runtime.dist.TermDecoder;
import procshell.runtime.dist.TermEncoder;
import procshell.runtime.dist.TermFormatException;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/**
 * {@code :erlang.term_to_binary/1,2} and {@code binary_to_term/1,2} over the distribution's own
 * codec ({@link TermEncoder}, {@link TermDecoder}): the bytes are the BEAM's, so a term written
 * here is read back by a real node and the other way round. What the codec does not do for the
 * wire is done here: Latin-1 atoms (minor version 1, the default), and zlib compression
 * (COMPRESSED_EXT, used only when it makes the result smaller, as the BEAM does; the decoder
 * inflates it).
 */
final class ExternalTerms {
    private static final int VERSION = 131;
    private static final int COMPRESSED = 80;

    private ExternalTerms() {
    }

    /**
     * The external format of a term as a binary.
     *
     * @param options {@code :compressed}, {@code {:compressed, 0..9}}, {@code {:minor_version, 0..2}},
     *                {@code :deterministic}
     * @throws ArgumentError for an unknown option, or a term that cannot leave the node (a closure)
     */
    static Object encode(Object term, List<?> options) {
        int level = 0;
        int minor = 1;
        for (Object o : options) {
            if (Atom.of("compressed").equals(o)) level = 6;
            else if (Atom.of("deterministic").equals(o)) continue;
            else if (o instanceof Tuple t && t.size() == 2 && Atom.of("compressed").equals(t.get(0)) && t.get(1) instanceof Integer n && n >= 0 && n <= 9) level = n;
            else if (o instanceof Tuple t && t.size() == 2 && Atom.of("minor_version").equals(t.get(0)) && t.get(1) instanceof Integer n && n >= 0 && n <= 2) minor = n;
            else throw new BifErrors(":erlang.term_to_binary", term, options).fail(2, "invalid option in list");
        }
        TermEncoder encoder = new TermEncoder(table());
        if (minor < 2) encoder.latin1Atoms();
        byte[] bytes;
        try {
            bytes = encoder.encode(term);
        } catch (TermFormatException e) {
            throw new ArgumentError("argument error");
        }
        return Bitstring.of(level > 0 ? compress(bytes, level) : bytes);
    }

    /**
     * The term a binary holds.
     *
     * @param options {@code :safe} (accepted), {@code :used} (the result is {@code {term, bytes_read}})
     * @throws ArgumentError when it is no binary or no valid external term
     */
    static Object decode(Object binary, List<?> options, BifErrors errors) {
        if (!Bitstring.isBinary(binary)) throw errors.fail(1, "not a binary");
        boolean used = false;
        for (Object o : options) {
            if (Atom.of("used").equals(o)) used = true;
            else if (!Atom.of("safe").equals(o)) throw errors.fail(2, "invalid option");
        }
        byte[] bytes = Bitstring.bytes(binary);
        try {
            TermDecoder decoder = new TermDecoder(table(), Integer.MAX_VALUE);
            // as the BEAM's, bytes after the term are ignored (:used tells how many were read)
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            Object term = decoder.decodeVersioned(buf);
            return used ? Tuple.of(term, buf.position()) : term;
        } catch (TermFormatException e) {
            throw errors.fail(1, "invalid external representation of a term");
        }
    }

    /** The node's table of node incarnations (pids and references of other nodes), a fresh one when not distributed. */
    private static NodeTable table() {
        Node node = ProcessContext.require().node();
        return node.remote() instanceof Distribution d ? d.table() : new NodeTable(node);
    }

    /** COMPRESSED_EXT: 131, 80, the uncompressed size (without the version byte), the zlib stream; only when smaller. */
    private static byte[] compress(byte[] bytes, int level) {
        Deflater deflater = new Deflater(level);
        deflater.setInput(bytes, 1, bytes.length - 1);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(COMPRESSED);
        int n = bytes.length - 1;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
        deflater.end();
        return out.size() < bytes.length ? out.toByteArray() : bytes;
    }
}
