namespace GridCommand.Silo.Demo;

/// <summary>The "Simulation" section: the demo city's size and pace. Off for tests and integrators.</summary>
public sealed class SimulationOptions
{
    public bool Enabled { get; set; } = true;
    public int PatrolUnits { get; set; } = 43;
    public int Guards { get; set; } = 2000;
    public int VolunteerTeams { get; set; } = 6;
    public int VolunteersPerTeam { get; set; } = 8;
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(5);
    public double IncidentsPerMinute { get; set; } = 2;
}
