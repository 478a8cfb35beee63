using GridCommand.Contracts.Feed;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Web.Live;

namespace GridCommand.Tests.Browser;

/// <summary>
/// Tens of thousands of units moving all over the city, each with a new fix every two seconds (the benchmark's full
/// ingest), handed to a web node's feed receiver as the silos' change batches would be, every 250 ms, with the loads
/// of the cells they crossed into: what a wall on that node receives is what it would receive from real grains,
/// without enrolling every unit through them first.
/// </summary>
public sealed class MovingCity : IAsyncDisposable
{
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan FixInterval = TimeSpan.FromSeconds(2);
    private readonly ICityFeedObserver _receiver;
    private readonly CityGrid _grid;
    private readonly UnitSnapshot[] _units;
    private readonly Dictionary<string, Dictionary<UnitKind, int>> _onDuty = new();
    private readonly Random _random = new(9);
    private readonly CancellationTokenSource _stop = new();
    private Task _moving = Task.CompletedTask;
    private int _next;

    public MovingCity(ICityFeedObserver receiver, CityGrid grid, int count)
    {
        (_receiver, _grid) = (receiver, grid);
        var b = grid.Bounds;
        _units = Enumerable.Range(0, count).Select(i => Place(new UnitSnapshot($"M{i:D6}", i % 10 == 0 ? UnitKind.PatrolCar : UnitKind.Guard,
            $"移动单位{i}", DutyStatus.Available, null, null, null, null, false, null, null, null, 0),
            new GeoPoint(b.South + _random.NextDouble() * (b.North - b.South), b.West + _random.NextDouble() * (b.East - b.West)))).ToArray();
    }

    public int Count => _units.Length;

    /// <summary>Sends every unit and every cell's load once, then keeps them moving until disposed.</summary>
    public async Task StartAsync()
    {
        await _receiver.OnChanges(new CityChanges(_units, [], [], [], [], _onDuty.Keys.Select(Load).ToList()));
        _moving = Task.Run(Move);
    }

    private async Task Move()
    {
        var perBatch = (int)(_units.Length * (BatchInterval / FixInterval));
        using var timer = new PeriodicTimer(BatchInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var moved = new List<UnitSnapshot>(perBatch);
                var crossed = new HashSet<string>();
                for (var i = 0; i < perBatch; i++, _next = (_next + 1) % _units.Length)
                {
                    var unit = _units[_next];
                    var to = new GeoPoint(unit.Lat!.Value, unit.Lon!.Value).Offset(30, _random.NextDouble() * 360);
                    if (!_grid.Bounds.Contains(to)) continue;
                    var next = Place(unit, to);
                    if (next.CellId != unit.CellId)
                    {
                        if (unit.CellId is not null) crossed.Add(unit.CellId);
                        if (next.CellId is not null) crossed.Add(next.CellId);
                    }
                    moved.Add(_units[_next] = next);
                }
                await _receiver.OnChanges(new CityChanges(moved, [], [], [], [], crossed.Select(Load).ToList()));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The unit at a new place, its fix timed now, counted in the cell it is in now.</summary>
    private UnitSnapshot Place(UnitSnapshot unit, GeoPoint at)
    {
        var cellId = _grid.CellAt(at)?.Id;
        if (cellId != unit.CellId)
        {
            if (unit.CellId is not null) _onDuty[unit.CellId][unit.Kind]--;
            if (cellId is not null)
            {
                var kinds = _onDuty.TryGetValue(cellId, out var known) ? known : _onDuty[cellId] = new();
                kinds[unit.Kind] = kinds.GetValueOrDefault(unit.Kind) + 1;
            }
        }
        return unit with { Lat = at.Lat, Lon = at.Lon, FixAt = DateTimeOffset.UtcNow, CellId = cellId, Seq = unit.Seq + 1 };
    }

    private CellLoad Load(string cellId)
    {
        var onDuty = new Dictionary<UnitKind, int>(_onDuty[cellId]);
        return new CellLoad(cellId, onDuty.Values.Sum(), onDuty, 0, 0, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _moving;
    }
}
