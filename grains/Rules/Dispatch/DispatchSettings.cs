using GridCommand.Rules.Units;

namespace GridCommand.Rules.Dispatch;

/// <summary>The "Dispatch" section: ETA model, search limits, answer timeout, repeat-call window.</summary>
public sealed record DispatchSettings
{
    public double DetourFactor { get; init; } = 1.4;
    public double CarKmh { get; init; } = 40;
    public double MotorbikeKmh { get; init; } = 35;
    public double BikeKmh { get; init; } = 15;
    public double OnFootKmh { get; init; } = 5;
    /// <summary>The ring search stops past this distance from the incident.</summary>
    public double MaxSearchMeters { get; init; } = 5000;
    /// <summary>How many candidates the ring search tries to gather before it stops widening.</summary>
    public int WantedCandidates { get; init; } = 8;
    /// <summary>An offered task not accepted within this time is withdrawn and offered to the next unit.</summary>
    public TimeSpan AcceptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public double RepeatCallMeters { get; init; } = 200;
    public TimeSpan RepeatCallWindow { get; init; } = TimeSpan.FromMinutes(10);

    public double SpeedKmh(UnitKind kind) => kind switch
    {
        UnitKind.PatrolCar => CarKmh,
        UnitKind.PatrolMotorbike => MotorbikeKmh,
        UnitKind.PatrolBike => BikeKmh,
        _ => OnFootKmh,
    };
}
