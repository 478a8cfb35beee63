using GridCommand.Rules.Units;

namespace GridCommand.Rules.Tracks;

/// <summary>
/// The packed form of a track piece: each point as the difference from the one before, in variable-length
/// integers — time in tenths of a second (with the status in its low 3 bits), latitude and longitude in
/// <see cref="Resolution"/> degrees (about a metre) — so a unit sampled every 10 s costs 4 bytes a point keeping
/// still and 6 on the move. The first point is counted from the piece's base time and from 0°, 0°.
/// </summary>
public static class TrackCodec
{
    public const double Resolution = 1e-5;

    /// <summary>Times are kept to this (a tenth of a second), in milliseconds.</summary>
    public const long TimeStepMs = 100;

    /// <summary>Appends points to a piece, one after another: keeps the last point to take differences from.</summary>
    public sealed class Writer(DateTimeOffset baseTime)
    {
        private readonly List<byte> _bytes = new(64);
        private long _at = Ticks(baseTime);
        private long _lat;
        private long _lon;

        public int Count { get; private set; }

        /// <summary>The time of the first point appended: names the piece, as it never changes.</summary>
        public DateTimeOffset First { get; private set; }

        public void Append(TrackPoint p)
        {
            var at = Ticks(p.At);
            var lat = Quantize(p.Lat);
            var lon = Quantize(p.Lon);
            WriteVarint(_bytes, (ZigZag(at - _at) << 3) | (ulong)p.Status);
            WriteVarint(_bytes, ZigZag(lat - _lat));
            WriteVarint(_bytes, ZigZag(lon - _lon));
            (_at, _lat, _lon) = (at, lat, lon);
            if (Count == 0) First = p.At;
            Count++;
        }

        public byte[] ToArray() => [.. _bytes];
    }

    public static byte[] Pack(DateTimeOffset baseTime, IEnumerable<TrackPoint> points)
    {
        var writer = new Writer(baseTime);
        foreach (var p in points) writer.Append(p);
        return writer.ToArray();
    }

    /// <exception cref="FormatException">for bytes that are not a packed piece.</exception>
    public static List<TrackPoint> Unpack(DateTimeOffset baseTime, ReadOnlySpan<byte> packed)
    {
        var points = new List<TrackPoint>();
        long at = Ticks(baseTime), lat = 0, lon = 0;
        var i = 0;
        while (i < packed.Length)
        {
            var head = ReadVarint(packed, ref i);
            var status = (int)(head & 7);
            if (status > (int)DutyStatus.OnScene) throw new FormatException($"Unknown status {status} in a track piece.");
            at += UnZigZag(head >> 3);
            lat += UnZigZag(ReadVarint(packed, ref i));
            lon += UnZigZag(ReadVarint(packed, ref i));
            points.Add(new TrackPoint(DateTimeOffset.FromUnixTimeMilliseconds(at * TimeStepMs), lat * Resolution, lon * Resolution, (DutyStatus)status));
        }
        return points;
    }

    private static long Ticks(DateTimeOffset t) => Math.DivRem(t.ToUnixTimeMilliseconds(), TimeStepMs) is var (q, r) && r < 0 ? q - 1 : q;

    private static long Quantize(double degrees) => (long)Math.Round(degrees / Resolution);

    private static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));

    private static long UnZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static void WriteVarint(List<byte> bytes, ulong v)
    {
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        bytes.Add((byte)v);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int i)
    {
        ulong v = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (i >= bytes.Length) throw new FormatException("A track piece ends inside a number.");
            var b = bytes[i++];
            v |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return v;
        }
        throw new FormatException("A track piece holds a number longer than 64 bits.");
    }
}
