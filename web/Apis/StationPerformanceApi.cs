using GridCommand.Contracts;
using GridCommand.Contracts.Stations;
using GridCommand.Rules;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Stations;
using GridCommand.Silo.Performance;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;

namespace GridCommand.Web.Apis;

/// <summary>
/// Station performance (考评) from the event log: a station's figures per city day, per week and for the period, as JSON,
/// CSV or XLSX (for the staff), and every station ranked (also for the wall).
/// </summary>
public static class StationPerformanceApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Period = "from= and to= are city days (yyyy-MM-dd, both included; at most 400 days); left out: the last 7 city days. ";

    public static IEndpointRouteBuilder MapStationPerformanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stations").WithTags("Station performance");

        api.MapGet("/{stationId}/performance", (string stationId, string? from, string? to, [AsParameters] Context c, CancellationToken ct) =>
                Report(stationId, from, to, c, report => Results.Ok(report), ct))
            .RequireAuthorization(Roles.Policies.Staff).Produces<StationPerformance>()
            .WithDescription(Period + "Per day, per week and in total, of the incidents reported in the station's cells: received, handled (ended " +
                             "by now: resolved, closed or diverted), closure rate, response P50/P90 (first dispatch to first on scene, s), " +
                             "repeat-call, diversion and guards-or-volunteers-first rates (0..1, null when nothing to measure), check-ins.");

        api.MapGet("/{stationId}/performance.csv", (string stationId, string? from, string? to, string? lang, [AsParameters] Context c, CancellationToken ct) =>
                Report(stationId, from, to, c, report => Export(report, lang, s => Results.File(s.Csv(), "text/csv; charset=utf-8", s.FileName("csv"))), ct))
            .RequireAuthorization(Roles.Policies.Staff).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithDescription(Period + "The same rows as CSV (UTF-8 with BOM; lang=zh headers by default, lang=en in English).");

        api.MapGet("/{stationId}/performance.xlsx", (string stationId, string? from, string? to, string? lang, [AsParameters] Context c, CancellationToken ct) =>
                Report(stationId, from, to, c, report => Export(report, lang,
                    s => Results.File(s.Xlsx(), Xlsx, s.FileName("xlsx"))), ct))
            .RequireAuthorization(Roles.Policies.Staff).Produces(StatusCodes.Status200OK, contentType: Xlsx)
            .WithDescription(Period + "The same rows as an Excel workbook (one sheet; lang=zh or en headers).");

        api.MapGet("/performance", async (string? from, string? to, [AsParameters] Context c, CancellationToken ct) =>
            {
                if (c.PeriodError(from, to, out var period) is { } error) return Problems.BadRequest(error);
                var names = (await c.Database.Grains.ReadAllAsync(GrainKinds.Station))
                    .Select(row => (row.Id, State: row.State<StationState>()))
                    .Where(s => s.State.Registered)
                    .ToDictionary(s => s.Id, s => s.State.Name, StringComparer.Ordinal);
                return Results.Ok((await c.Reader.ReadAsync(period, null, ct)).Ranking(names));
            })
            .RequireAuthorization(Roles.Policies.WallScreen).Produces<StationRanking>()
            .WithDescription(Period + "Every station with its period's total, ranked by closure rate (highest first), then median response " +
                             "(fastest first), then incidents handled; stations with nothing to measure last.");
        return app;
    }

    /// <summary>What the endpoints use, bound from the services.</summary>
    public sealed record Context(PerformanceReader Reader, GridDatabase Database, IGrainFactory Grains, CityClock City, TimeProvider Clock)
    {
        /// <returns>why from= and to= are no period, or null with the period they name (city days, today's city day the default end)</returns>
        public string? PeriodError(string? from, string? to, out PerformancePeriod period) =>
            PerformancePeriod.TryParse(from, to, City.Today(Clock.GetUtcNow()), out period);
    }

    private static async Task<IResult> Report(string stationId, string? from, string? to, Context c,
        Func<StationPerformance, IResult> answer, CancellationToken ct)
    {
        if (c.PeriodError(from, to, out var period) is { } error) return Problems.BadRequest(error);
        if (await c.Grains.GetGrain<IStationGrain>(stationId).Get() is not { } station) return Problems.NotFound($"No station {stationId}.");
        return answer((await c.Reader.ReadAsync(period, stationId, ct)).Station(stationId, station.Name));
    }

    private static IResult Export(StationPerformance report, string? lang, Func<PerformanceSheet, IResult> file) =>
        PerformanceSheet.For(report, lang) is { } sheet ? file(sheet) : Problems.BadRequest("lang must be zh or en.");
}
