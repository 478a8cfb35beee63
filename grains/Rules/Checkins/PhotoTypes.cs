namespace GridCommand.Rules.Checkins;

/// <summary>
/// The photos a check-in takes, known by their first bytes: a file's name or declared type proves nothing, and a
/// browser must never be handed a script or a page under an image's name.
/// </summary>
public static class PhotoTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Webp = "image/webp";

    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngStart = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <returns>the media type the bytes are (JPEG, PNG or WebP), or null for anything else.</returns>
    public static string? Detect(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(JpegStart) ? Jpeg
        : bytes.StartsWith(PngStart) ? Png
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? Webp
        : null;
}
