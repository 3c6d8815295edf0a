package dev.apigwinsights.local.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * Zip bytes written field by field, for the zips the JDK's writer cannot make: stored data with
 * a data descriptor (what streaming writers such as Python's {@code zipfile} to a pipe produce)
 * and members in compression methods the JDK cannot inflate (Windows' Deflate64, bzip2).
 */
public final class RawZip {
    /** A member: its method ({@link ZipEntry#STORED}, {@link ZipEntry#DEFLATED} or another, whose data is then kept as given). */
    public record Member(String name, int method, boolean dataDescriptor, byte[] content) {
    }

    private RawZip() {
    }

    public static byte[] of(Member... members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream centralDirectory = new ByteArrayOutputStream();
        for (Member m : members) {
            byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = m.method() == ZipEntry.DEFLATED ? deflate(m.content()) : m.content();
            CRC32 crc = new CRC32();
            crc.update(m.content());
            int flags = 0x800 | (m.dataDescriptor() ? 8 : 0);
            int offset = out.size();
            boolean known = !m.dataDescriptor();
            write(out, le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) flags).putShort((short) m.method())
                    .putInt(0).putInt(known ? (int) crc.getValue() : 0).putInt(known ? data.length : 0)
                    .putInt(known ? m.content().length : 0).putShort((short) name.length).putShort((short) 0));
            out.writeBytes(name);
            out.writeBytes(data);
            if (m.dataDescriptor()) {
                write(out, le(16).putInt(0x08074b50).putInt((int) crc.getValue()).putInt(data.length).putInt(m.content().length));
            }
            write(centralDirectory, le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) flags)
                    .putShort((short) m.method()).putInt(0).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(m.content().length).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset));
            centralDirectory.writeBytes(name);
        }
        int directoryAt = out.size();
        out.writeBytes(centralDirectory.toByteArray());
        write(out, le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) members.length)
                .putShort((short) members.length).putInt(centralDirectory.size()).putInt(directoryAt).putShort((short) 0));
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(ByteArrayOutputStream out, ByteBuffer b) {
        out.writeBytes(b.array());
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
