package dev.warden.domain.key;

/**
 * The little of ASN.1 DER that the key conversions need: reading and writing tag-length-value
 * elements with definite, minimally encoded lengths. Anything else is refused, never guessed at.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    /** One element: {@code tag}, the DER length of the concatenated parts, the parts. */
    static byte[] element(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] header = length(length);
        byte[] encoded = new byte[1 + header.length + length];
        encoded[0] = (byte) tag;
        System.arraycopy(header, 0, encoded, 1, header.length);
        int at = 1 + header.length;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, encoded, at, part.length);
            at += part.length;
        }
        return encoded;
    }

    static byte[] length(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length");
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] encoded = new byte[1 + bytes];
        encoded[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            encoded[bytes - i] = (byte) (length >>> (8 * i));
        }
        return encoded;
    }

    /** Reads elements one after another from a slice of DER bytes. */
    static final class Reader {
        private final byte[] der;
        private final int end;
        private int position;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int from, int to) {
            this.der = der;
            this.position = from;
            this.end = to;
        }

        boolean atEnd() {
            return position == end;
        }

        /** A copy of the contents of the next element, which must carry {@code tag}. */
        byte[] next(int tag) {
            int length = header(tag);
            byte[] contents = new byte[length];
            System.arraycopy(der, position, contents, 0, length);
            position += length;
            return contents;
        }

        /** The whole next element, tag and length included, which must carry {@code tag}. */
        byte[] nextEncoded(int tag) {
            int start = position;
            int length = header(tag);
            position += length;
            byte[] encoded = new byte[position - start];
            System.arraycopy(der, start, encoded, 0, encoded.length);
            return encoded;
        }

        /** A reader over the contents of the next element, which must carry {@code tag}. */
        Reader nested(int tag) {
            int length = header(tag);
            Reader inner = new Reader(der, position, position + length);
            position += length;
            return inner;
        }

        /** Reads tag and length, leaving the position at the contents; returns their length. */
        private int header(int tag) {
            if (position >= end || (der[position] & 0xff) != tag) {
                throw new IllegalArgumentException("expected DER tag " + tag);
            }
            position++;
            if (position >= end) {
                throw new IllegalArgumentException("truncated DER length");
            }
            int first = der[position++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                // 0x80 is BER's indefinite length; more than 3 bytes is far beyond any key.
                if (bytes == 0 || bytes > 3 || end - position < bytes || der[position] == 0) {
                    throw new IllegalArgumentException("unsupported DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[position++] & 0xff);
                }
                if (length < 0x80) {
                    throw new IllegalArgumentException("DER length not minimally encoded");
                }
            }
            if (length > end - position) {
                throw new IllegalArgumentException("DER element longer than its container");
            }
            return length;
        }
    }
}
