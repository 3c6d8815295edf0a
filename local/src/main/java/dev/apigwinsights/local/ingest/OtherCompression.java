package dev.apigwinsights.local.ingest;

/**
 * Compressions {@code ingest} does not undo (it reads gzip, zip and tar), named from their magic
 * bytes so that the user is told what the file is and how to open it, instead of "binary data".
 * Firehose's Snappy and Hadoop-Snappy outputs are among them; Hadoop-Snappy has no magic and stays
 * "binary".
 */
enum OtherCompression {
    ZSTD("zstd", "zstd -d FILE", 0x28, 0xB5, 0x2F, 0xFD),
    XZ("xz", "unxz FILE", 0xFD, '7', 'z', 'X', 'Z', 0x00),
    BZIP2("bzip2", "bunzip2 FILE", 'B', 'Z', 'h'),
    SNAPPY("framed-Snappy", "decompress it with a Snappy tool (python -m snappy -d FILE OUT), or set the Firehose stream's compression to GZIP",
            0xFF, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'),
    LZ4("LZ4", "lz4 -d FILE", 0x04, 0x22, 0x4D, 0x18),
    SEVEN_ZIP("7-Zip", "7z x FILE", '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
    RAR("RAR", "unrar x FILE", 'R', 'a', 'r', '!', 0x1A, 0x07);

    /** The 48-bit magics of a bzip2 block and of a stream's end (an empty stream). */
    private static final long BZIP2_BLOCK = 0x314159265359L;
    private static final long BZIP2_END = 0x177245385090L;

    private final String label;
    private final String remedy;
    private final int[] magic;

    OtherCompression(String label, String remedy, int... magic) {
        this.label = label;
        this.remedy = remedy;
        this.magic = magic;
    }

    /** The compression {@code head} starts with, or null. */
    static OtherCompression of(byte[] head, int n) {
        for (OtherCompression c : values()) {
            if (c.matches(head, n)) {
                return c;
            }
        }
        return null;
    }

    private boolean matches(byte[] head, int n) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        // "BZh" is followed by the block size digit and a block's or the end's 48-bit magic; text starting "BZh" is not bzip2
        return this != BZIP2 || (n >= 10 && head[3] >= '1' && head[3] <= '9'
                && (startsAt(head, 4, BZIP2_BLOCK) || startsAt(head, 4, BZIP2_END)));
    }

    private static boolean startsAt(byte[] head, int at, long magic48) {
        for (int i = 0; i < 6; i++) {
            if ((head[at + i] & 0xFF) != (int) (magic48 >>> (8 * (5 - i)) & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /** The input error: what the file is, and what to run. */
    String message() {
        return label + "-compressed data, which ingest does not read (it reads gzip, zip and tar): " + remedy + ", then ingest the result";
    }
}
