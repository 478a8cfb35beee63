using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;
using GridCommand.Rules.Units;

namespace GridCommand.Silo.Demo;

public sealed record DemoStation(string Id, string Name, StationKind Kind, GeoPoint Location, IReadOnlyList<string> CellIds);

/// <summary>A demo unit and where it lives: a patrol's home station, a guard's post.</summary>
public sealed record DemoUnit(string Id, UnitKind Kind, string Name, string StationId, GeoPoint Home, string? PostName, string? Team);

/// <summary>
/// The demo city, the same on every start (fixed random seed): ~15 street workstations and a few dozen
/// community police rooms covering the grid, 43 patrol groups of mixed kinds, guards at posts and a few
/// volunteer teams, and a grid worker for every cell.
/// </summary>
public sealed class DemoCity
{
    private const int Seed = 20221002;

    public DemoCity(CityGrid grid, SimulationOptions o)
    {
        var random = new Random(Seed);
        Stations = PlaceStations(grid, random);
        var units = new List<DemoUnit>();
        AddPatrols(units, random, o.PatrolUnits);
        AddGuards(units, grid, random, o.Guards);
        AddVolunteers(units, random, o.VolunteerTeams, o.Volunteers);
        Units = units;
        // A random of their own: the stations and units stay where they were before the cells had grid workers.
        var workers = new Random(Seed + 1);
        GridWorkers = grid.Cells.ToDictionary(c => c.Id, _ => new GridWorker(DemoNames.Person(workers), $"139{workers.Next(10_000_000, 100_000_000)}"));
    }

    /// <summary>Each cell's grid worker (网格员), by cell id.</summary>
    public IReadOnlyDictionary<string, GridWorker> GridWorkers { get; }

    public IReadOnlyList<DemoStation> Stations { get; }

    public IReadOnlyList<DemoUnit> Units { get; }

    private static List<DemoStation> PlaceStations(CityGrid grid, Random random)
    {
        var places = DemoNames.Workstations.Select(n => (Name: n + "警务工作站", Kind: StationKind.Workstation))
            .Concat(DemoNames.Communities.Select(n => (Name: n + "社区警务室", Kind: StationKind.PoliceRoom)))
            .Select((p, i) => (p.Name, p.Kind, Id: $"S{i + 1:D2}", Location: RandomPoint(grid.Bounds, random, inset: 0.1)))
            .ToList();
        // Each cell belongs to the nearest station.
        var cellsByStation = grid.Cells.GroupBy(c => places.MinBy(p => p.Location.DistanceTo(c.Centre)).Id)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        return places.Select(p => new DemoStation(p.Id, p.Name, p.Kind, p.Location, cellsByStation.GetValueOrDefault(p.Id) ?? []))
            .ToList();
    }

    private void AddPatrols(List<DemoUnit> units, Random random, int count)
    {
        // Mostly cars and motorbikes (车巡, 摩托巡), some bicycles and foot patrols.
        (UnitKind Kind, string Label)[] mix =
        [
            (UnitKind.PatrolCar, "车巡"), (UnitKind.PatrolCar, "车巡"), (UnitKind.PatrolMotorbike, "摩托巡"),
            (UnitKind.PatrolMotorbike, "摩托巡"), (UnitKind.PatrolBike, "骑巡"), (UnitKind.FootPatrol, "步巡"),
        ];
        var workstations = Stations.Where(s => s.Kind == StationKind.Workstation).ToList();
        for (var i = 1; i <= count; i++)
        {
            var (kind, label) = mix[i % mix.Length];
            var station = workstations[i % workstations.Count];
            units.Add(new DemoUnit($"P{i:D3}", kind, $"{station.Name[..^5]}{label}{i:D2}组", station.Id, station.Location, null, null));
        }
    }

    private void AddGuards(List<DemoUnit> units, CityGrid grid, Random random, int count)
    {
        const int guardsPerPost = 4;
        for (var post = 0; post * guardsPerPost < count; post++)
        {
            var location = RandomPoint(grid.Bounds, random, inset: 0.05);
            var postName = $"{DemoNames.Communities[random.Next(DemoNames.Communities.Length)]}岗亭{post + 1}号";
            var station = Stations.MinBy(s => s.Location.DistanceTo(location))!;
            for (var i = post * guardsPerPost; i < Math.Min(count, (post + 1) * guardsPerPost); i++)
                units.Add(new DemoUnit($"G{i + 1:D5}", UnitKind.Guard, DemoNames.Person(random), station.Id, location, postName,
                    $"{station.Name[..^3]}保安队"));
        }
    }

    /// <summary>Team t's volunteers are V{t:D3}{n:D2}; the first teams take one more each when the volunteers do not share out evenly.</summary>
    private void AddVolunteers(List<DemoUnit> units, Random random, int teams, int volunteers)
    {
        for (var t = 1; t <= teams; t++)
        {
            var station = Stations[random.Next(Stations.Count)];
            var members = volunteers / teams + (t <= volunteers % teams ? 1 : 0);
            for (var v = 1; v <= members; v++)
                units.Add(new DemoUnit($"V{t:D3}{v:D2}", UnitKind.Volunteer, DemoNames.Person(random), station.Id, station.Location,
                    null, $"龙城众队{t:D3}队"));
        }
    }

    private static GeoPoint RandomPoint(GeoBounds b, Random random, double inset)
    {
        double h = b.North - b.South, w = b.East - b.West;
        return new GeoPoint(b.South + h * (inset + random.NextDouble() * (1 - 2 * inset)),
            b.West + w * (inset + random.NextDouble() * (1 - 2 * inset)));
    }
}
