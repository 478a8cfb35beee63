using System.Globalization;
using System.Text.Json;
using GridCommand.Rules;
using GridCommand.Rules.Checkins;
using GridCommand.Silo.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace GridCommand.Web.Apis;

/// <summary>The fields of POST /api/checkins, as JSON or as the text fields of a multipart form.</summary>
public sealed record CheckinRequest(string? Category, string? Note, double? Lat, double? Lon, DateTimeOffset? At);

/// <summary>A check-in as the device sent it: its fields, its photo (checked) if any, or why it cannot be taken.</summary>
public sealed record CheckinForm(CheckinRequest? Request, CheckinPhoto? Photo, string? Error, int Status = StatusCodes.Status400BadRequest)
{
    /// <summary>Room for a multipart form's text fields and boundaries beside the photo.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>
    /// Reads JSON, or a multipart form with the same fields and an optional file `photo` (JPEG, PNG or WebP by its
    /// bytes, at most <paramref name="maxPhotoBytes"/>). A body larger than a photo may be is refused before it is read.
    /// </summary>
    public static async Task<CheckinForm> ReadAsync(HttpRequest request, long maxPhotoBytes, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxPhotoBytes + FormOverhead;
        if (request.ContentLength > maxPhotoBytes + FormOverhead) return TooLarge(maxPhotoBytes);
        if (!request.HasFormContentType) return await ReadJsonAsync(request, ct);

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        // A broken form (a wrong boundary, a part cut short); a body over the limit stays Kestrel's 413 (BadHttpRequestException).
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            return new CheckinForm(null, null, "The multipart form could not be read: check its boundary and parts.");
        }
        var errors = new[] { Number(form, "lat", out var lat), Number(form, "lon", out var lon), Time(form, out var at) };
        var error = errors.FirstOrDefault(e => e is not null);
        if (error is not null) return new CheckinForm(null, null, error);
        var fields = new CheckinRequest(form["category"].FirstOrDefault(), form["note"].FirstOrDefault(), lat, lon, at);
        if (form.Files.GetFile("photo") is not { Length: > 0 } file) return new CheckinForm(fields, null, null);
        if (file.Length > maxPhotoBytes) return TooLarge(maxPhotoBytes);
        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, ct);
        return PhotoTypes.Detect(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)) is { } type
            ? new CheckinForm(fields, new CheckinPhoto(type, bytes.ToArray()), null)
            : new CheckinForm(null, null, "photo must be a JPEG, PNG or WebP image (checked by its content, not its name or type).");
    }

    private static async Task<CheckinForm> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFromJsonAsync<CheckinRequest>(GrainJson.Options, ct) is { } body
                ? new CheckinForm(body, null, null)
                : new CheckinForm(null, null, "The body must be a JSON object.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new CheckinForm(null, null, "The body must be JSON (application/json) or a multipart form with the check-in's fields.");
        }
    }

    private static CheckinForm TooLarge(long maxPhotoBytes) =>
        new(null, null, $"The photo is larger than {maxPhotoBytes / 1024} KB: send a smaller one.", StatusCodes.Status413PayloadTooLarge);

    private static string? Number(IFormCollection form, string name, out double? value)
    {
        value = null;
        if (form[name] is not [{ } text]) return form[name].Count > 1 ? $"{name} is given more than once." : null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return $"{name} must be a number.";
        value = number;
        return null;
    }

    private static string? Time(IFormCollection form, out DateTimeOffset? value)
    {
        value = null;
        if (form["at"] is not [{ } text] || text.Length == 0) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return "at must be an ISO-8601 time such as 2026-12-01T10:00:00+08:00.";
        value = at;
        return null;
    }
}
