using System.Text.Json;
using GridCommand.Grains.Storage;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Api;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// What the city holds, as staff read it (units, incidents and the cells they are in, each as its JSON) and the
/// event log, so that two snapshots tell what changed between them, and <see cref="Explained"/> tells which of those
/// changes the accepted requests account for.
/// </summary>
public sealed record CitySnapshot(
    IReadOnlyDictionary<string, JsonElement> Units,
    IReadOnlyDictionary<string, JsonElement> Incidents,
    IReadOnlyDictionary<string, string> Cells,
    IReadOnlyList<LoggedEvent> Events)
{
    /// <summary>Reads the city; <paramref name="alsoCells"/> are read too (the cells of an earlier snapshot).</summary>
    public static async Task<CitySnapshot> Take(GridCommandApp app, HttpClient commander, IEnumerable<string>? alsoCells = null)
    {
        var units = (await commander.Get("/api/units")).EnumerateArray().ToDictionary(u => u.Str("unitId"));
        var incidents = (await commander.Get("/api/incidents?status=all")).EnumerateArray().ToDictionary(i => i.Id());
        var cellIds = units.Values.Concat(incidents.Values).Select(e => e.GetProperty("cellId"))
            .Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!)
            .Concat(alsoCells ?? []).ToHashSet();
        var cells = new Dictionary<string, string>();
        foreach (var id in cellIds) cells[id] = WithoutCoverage(await commander.Get($"/api/cells/{id}"));
        var events = await app.Service<GridDatabase>().Events.ReadSinceAsync(DateTimeOffset.UnixEpoch, 1_000_000);
        return new CitySnapshot(units, incidents, cells, events);
    }

    /// <summary>
    /// A cell as it reads, less its coverage: that follows the units within five minutes of it, wherever they are, and
    /// the units themselves are compared one by one.
    /// </summary>
    private static string WithoutCoverage(JsonElement cell)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(cell.GetRawText())!.AsObject();
        node.Remove("coverage");
        return node.ToJsonString();
    }

    /// <summary>The city once it is at rest: the one-way messages and change batches of earlier commands all arrived (two reads alike).</summary>
    public static async Task<CitySnapshot> AtRest(GridCommandApp app, HttpClient commander)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var last = await Take(app, commander);
        while (true)
        {
            await Task.Delay(300);
            var next = await Take(app, commander, last.Cells.Keys);
            if (last.ChangedIn(next).Count == 0 && !next.EventsSince(last).Any()) return next;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The city does not come to rest: {string.Join(", ", last.ChangedIn(next))} keep changing.");
            last = next;
        }
    }

    /// <summary>Every unit or incident that is new, gone or reads differently in <paramref name="after"/>, and every cell that reads differently.</summary>
    public IReadOnlyList<string> ChangedIn(CitySnapshot after) =>
        Changed(Units, after.Units).Concat(Changed(Incidents, after.Incidents))
            .Concat(after.Cells.Where(c => !Cells.TryGetValue(c.Key, out var was) || was != c.Value).Select(c => c.Key))
            .ToList();

    /// <summary>The event log's lines written after this snapshot.</summary>
    public IEnumerable<LoggedEvent> EventsSince(CitySnapshot earlier)
    {
        var last = earlier.Events.Count == 0 ? 0 : earlier.Events.Max(e => e.Sequence);
        return Events.Where(e => e.Sequence > last);
    }

    /// <summary>
    /// The ids that accepted requests may have changed: each id named in their paths or answered to them (a new
    /// incident), then what hangs together with those — an incident, its tasks and their units — and the cells
    /// any of them were or are in.
    /// </summary>
    public static HashSet<string> Explained(IEnumerable<string> acceptedIds, CitySnapshot before, CitySnapshot after)
    {
        var ids = acceptedIds.ToHashSet(StringComparer.Ordinal);
        var incidents = before.Incidents.Values.Concat(after.Incidents.Values).ToList();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var incident in incidents)
            {
                var tasks = incident.GetProperty("tasks").EnumerateArray().ToList();
                string[] group = [incident.Id(), .. tasks.Select(t => t.Str("taskId")), .. tasks.Select(t => t.Str("unitId"))];
                if (group.Any(ids.Contains) && !group.All(ids.Contains))
                {
                    ids.UnionWith(group);
                    grown = true;
                }
            }
        }
        var entities = before.Units.Concat(after.Units).Concat(before.Incidents).Concat(after.Incidents);
        ids.UnionWith(entities.Where(e => ids.Contains(e.Key)).Select(e => e.Value.GetProperty("cellId"))
            .Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
        return ids;
    }

    private static IEnumerable<string> Changed(IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after) =>
        after.Where(e => !before.TryGetValue(e.Key, out var was) || was.GetRawText() != e.Value.GetRawText()).Select(e => e.Key)
            .Concat(before.Keys.Where(id => !after.ContainsKey(id)));
}
