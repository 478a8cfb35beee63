using GridCommand.Rules;

namespace GridCommand.Web.Apis;

/// <summary>
/// The lists (/api/units, /api/incidents) in pages: `limit` (1–<see cref="MaxLimit"/>, default the maximum) items
/// after the item `after` (an id from the previous page). When more follow, the Link header names the next page.
/// A query parameter a list does not know, or a bad limit or after, is a 400: nothing is silently ignored.
/// </summary>
public sealed record Paging(int Limit, string? After)
{
    public const int MaxLimit = 1000;

    public const string Description =
        "Paged: `limit` 1–1000 (default 1000) items after the id `after`; when more follow, the Link header (rel=next) names the next page.";

    /// <returns>the paging asked for, or an error for a 400.</returns>
    public static (Paging? Paging, string? Error) Read(HttpRequest request, string? limit, string? after, params string[] filters)
    {
        var known = filters.Append("limit").Append("after").ToHashSet(StringComparer.Ordinal);
        if (request.Query.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            return (null, $"Unknown parameter '{unknown}': this list takes {string.Join(", ", known)}.");
        if (request.Query.Keys.FirstOrDefault(k => request.Query[k].Count > 1) is { } repeated)
            return (null, $"'{repeated}' is given more than once.");
        var count = MaxLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
            return (null, $"limit must be a whole number from 1 to {MaxLimit}.");
        if (after is not null && GridIds.Check("after", after) is { } badAfter) return (null, badAfter);
        return (new Paging(count, after), null);
    }

    /// <summary>One page of <paramref name="ordered"/>, with the Link header when more follow.</summary>
    public IResult Page<T>(IEnumerable<T> ordered, Func<T, string> idOf, HttpRequest request)
    {
        var items = ordered.ToList();
        var start = 0;
        if (After is not null)
        {
            var index = items.FindIndex(i => idOf(i) == After);
            if (index < 0) return Problems.BadRequest($"after: '{After}' is not in this list (any more): start again without after.");
            start = index + 1;
        }
        var page = items.Skip(start).Take(Limit).ToList();
        if (start + page.Count < items.Count) LinkNext(request, idOf(page[^1]));
        return Results.Ok(page);
    }

    /// <summary>Names the next page, the one after <paramref name="lastId"/>, in the Link header.</summary>
    public static void LinkNext(HttpRequest request, string lastId)
    {
        var next = QueryString.Create(request.Query.Where(q => q.Key != "after")
            .Append(new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>("after", lastId)));
        request.HttpContext.Response.Headers.Link = $"<{request.Path}{next}>; rel=\"next\"";
    }
}
