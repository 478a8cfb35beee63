using System.Text;
using GridCommand.Rules.Cameras;
using Microsoft.AspNetCore.Http.Features;

namespace GridCommand.Web.Apis;

/// <summary>An import file as uploaded: its text and whether it is GeoJSON, or why it cannot be read (with the status to answer).</summary>
public sealed record CameraUpload(string? Text, bool GeoJson, string? Error, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>
    /// The body itself (Content-Type text/csv, application/geo+json or application/json), or the first file of a
    /// multipart form (its Content-Type or file extension says which). UTF-8, at most <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<CameraUpload> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 64 * 1024; // room for a form's boundaries
        if (request.ContentLength > maxBytes + 64 * 1024) return TooLarge(maxBytes);
        Stream body;
        string? mediaType, fileName = null;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
            {
                return new CameraUpload(null, false, "The multipart form could not be read: check its boundary and parts.");
            }
            if (form.Files.Count == 0) return new CameraUpload(null, false, "The form has no file: send the CSV or GeoJSON file as a file part.");
            var file = form.Files[0];
            if (file.Length > maxBytes) return TooLarge(maxBytes);
            (body, mediaType, fileName) = (file.OpenReadStream(), file.ContentType, file.FileName);
        }
        else
        {
            (body, mediaType) = (request.Body, request.ContentType);
        }
        await using (body)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
            if (buffer.Length == 0) return new CameraUpload(null, false, "The file is empty.");
            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                return new CameraUpload(text, CameraFile.IsGeoJson(mediaType, fileName), null);
            }
            catch (DecoderFallbackException)
            {
                return new CameraUpload(null, false, "The file is not UTF-8 text: save the CSV as UTF-8 (Excel: \"CSV UTF-8\").");
            }
        }
    }

    private static CameraUpload TooLarge(long maxBytes) =>
        new(null, false, $"The file is larger than Cameras:MaxImportBytes ({maxBytes} bytes): split it.", StatusCodes.Status413PayloadTooLarge);
}
